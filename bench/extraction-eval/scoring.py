"""The one scorer of the outside extraction sets (README, "Extraction"). Each set's score.py holds
its gold's vocabulary (DUP, CUES, KIND_OK, EUROPEANS, PERSON, topic_ok, KNOWN_ARTS, KNOWN_DUP and
OUT; optionally OTHER_KINDS, CUE_NORM, TITLES and accepted_published) and ends with
`scoring.main(sys.modules[__name__])`; this module fetches the served records and applies the rules.

usage: score.py PORT            (fetches live and caches to dump/PORT.json)
       score.py --cached PORT   (re-scores the cached dump)

Matching rules (all case-insensitive; only the set's non-seed articles count):

ARTICLES  date correct iff published.date == the gold date (or a date the set accepts beside it).
          outlet correct iff the served outlet equals the gold outlet, one of its '/'-separated
          parts, a name with a leading 'The ' dropped, or the initials of a part ('AA' = Anadolu
          Agency, 'DW'). title (where the set measures it) correct iff the served title is the
          gold headline, case, quote style and spacing aside.
EVENTS    a served pair is (article A, event E) for every new article A in E.sources (deduplicated).
          E *agrees* with gold event g of A iff
            - E.id == g.known (with ' (acceptable)' stripped): the curated record is by definition
              the right event (its kind/status/date are the curated ones), or
            - kind:   E.kind in KIND_OK[g.kind] (else equal; gold 'other' accepts OTHER_KINDS, any
              *-meeting and talks), and
              status: E.status == g.status, and
              participants: with S = E's participant ids, G = gold ids (parenthetical roles
                stripped; 'europeans' = the set's EUROPEANS),
                |S&G| >= min(2,|G|) and |S&G| >= |S|/2, and
              date (only when both have one): gold YYYY-MM-DD (or 'YYYY-MM-DD acceptable' beside it)
                -> the served period (day/week/month/year precision) contains it; gold prefixed
                '~', 'by', 'within', 'week of' -> served date within 7 days; gold YYYY-MM -> served
                date in that month; gold without an ISO date -> not compared.
          lenient-correct: E agrees with some gold event of A (optional ones included).
          strict-correct: additionally one of E's quotes from A contains a cue phrase of that
            gold event (the set's CUES: phrases that only the sentences describing it contain).
          precision = correct pairs / served pairs; recall = non-optional gold events with at
          least one correct pair / non-optional gold events.
KNOWN     per curated event, per gold article naming it: linked iff the article is in the curated
          record's sources AND one of its quotes from that article contains a cue of that gold event.
STANCES   a served pair is (article, proposal, entity, stance) for every position evidence quote from
          a new article (deduplicated). correct iff some gold stance of that article has
            actor: entity id == gold actor, or for 'country (Person)' the country or one of the
              person's ids (PERSON);
            stance equal, or named in the gold note as 'X also acceptable';
            topic_ok(gold topic, proposal id).
          recall over non-optional gold stances.
QUOTES    every evidence (event evidence endpoint, position evidence, proposal evidence) from a new
          article: paragraphs[p].text[start:end] == quote (code points).
Each measure is given over all the set's articles and without its copy (DUP).
"""
import json, os, re, sys, urllib.request, datetime as dt

# The set being scored (its score.py module), set by main().
SET = None


def norm(s):
    return re.sub(r'\s+', ' ', s.replace('\u2019', "'").replace('\u2018', "'").replace('\u201c', '"').replace('\u201d', '"')).lower()


def fetch(port):
    base = f'http://127.0.0.1:{port}'
    get = lambda p: json.load(urllib.request.urlopen(base + p))
    def paged(p):
        out, off = [], 0
        while True:
            r = get(f'{p}{"&" if "?" in p else "?"}limit=100&offset={off}')
            out += r['data']; off += 100
            if off >= r['meta']['total']:
                return out
    out = {'articles': get('/articles?limit=100')['data'], 'paragraphs': {}}
    for a in out['articles']:
        det = get(f"/articles/{a['id']}?include=paragraphs,cleaning")
        out['paragraphs'][a['id']] = det['paragraphs']
        out.setdefault('detail', {})[a['id']] = {k: v for k, v in det.items() if k != 'paragraphs'}
    out['events'] = []
    for e in get('/events?limit=200')['data']:
        d = get(f"/events/{e['id']}"); d['allEvidence'] = paged(f"/events/{e['id']}/evidence")
        out['events'].append(d)
    out['proposals'] = []
    for p in get('/proposals?limit=200')['data']:
        d = get(f"/proposals/{p['id']}"); d['allPositions'] = paged(f"/proposals/{p['id']}/positions")
        out['proposals'].append(d)
    json.dump(out, open(f'{SET.OUT}/dump/{port}.json', 'w'), indent=1)
    return out


def norm_id(x):
    return re.sub(r'\(.*?\)', '', x).strip()


def parse_day(s):
    return dt.date.fromisoformat(s)


def date_agrees(gold, served):
    if not gold or not served:
        return True
    m = re.search(r'(\d{4}-\d{2}-\d{2})', gold)
    sd = parse_day(served['date']); prec = served.get('precision', 'day')
    if m:
        gd = parse_day(m.group(1))
        alts = [gd] + [parse_day(x) for x in re.findall(r'(\d{4}-\d{2}-\d{2}) acceptable', gold)]
        if re.match(r'\s*(~|by|within|week of)', gold):
            return any(abs((sd - g).days) <= 7 for g in alts)
        for g in alts:
            if prec == 'day' and sd == g: return True
            if prec == 'week' and sd <= g <= sd + dt.timedelta(days=6): return True
            if prec == 'month' and (sd.year, sd.month) == (g.year, g.month): return True
            if prec == 'year' and sd.year == g.year: return True
        return False
    m = re.match(r'\s*(\d{4})-(\d{2})', gold)
    if m:
        return (sd.year, sd.month) == (int(m.group(1)), int(m.group(2)))
    return True


def agrees(E, g):
    known = (g.get('known') or '').replace(' (acceptable)', '').strip()
    if known and E['id'] == known:
        return True
    if g['kind'] == 'other':
        if not (E['kind'] in getattr(SET, 'OTHER_KINDS', ('other', 'deadline')) or E['kind'].endswith('meeting') or E['kind'] == 'talks'):
            return False
    elif E['kind'] not in SET.KIND_OK.get(g['kind'], {g['kind']}):
        return False
    if E['status'] != g['status']:
        return False
    G = set()
    for p in g['participants']:
        p = norm_id(p)
        G |= SET.EUROPEANS if p == 'europeans' else {p}
    S = {p['entity']['id'] for p in E['participants']}
    inter = len(S & G)
    need = min(2, len([p for p in g['participants']]))
    if inter < need or inter < len(S) / 2:
        return False
    return date_agrees(g['date'], E.get('start'))


def quote_ok(quotes, cues):
    cue_norm = getattr(SET, 'CUE_NORM', norm)
    return any(c in cue_norm(q) for q in quotes for c in cues)


def actor_ok(gactor, eid):
    m = re.match(r'(\S+)\s*\((\w+)\)', gactor)
    if m:
        return eid in {m.group(1)} | SET.PERSON.get(m.group(2).lower(), {m.group(2).lower()})
    return eid == gactor


def score(d, arts):
    res = {}
    A = {a['id']: a for a in d['articles']}
    # dates / outlets
    dok = ook = tok = 0
    # title correct iff the served title is the gold headline (case, quote style and spacing aside)
    def norm_title(t):
        t = (t or '').lower().replace('\u2018', "'").replace('\u2019', "'").replace('\u201c', '"').replace('\u201d', '"')
        return ' '.join(t.split())
    for k in arts:
        g = SET.GOLD[k]; a = A[k]
        pd = a['published']['date'] if a.get('published') else None
        if pd == g['date'] or pd in getattr(SET, 'accepted_published', lambda k: ())(k): dok += 1
        acc = set()
        for part in [g['outlet']] + [x.strip() for x in re.split(r'[/()]', g['outlet'])]:
            if not part: continue
            p = part.lower(); acc |= {p, re.sub(r'^the ', '', p), ''.join(w[0] for w in p.split())}
        if a.get('outlet') and a['outlet'].lower() in acc: ook += 1
        if norm_title(a.get('title')) == norm_title(g.get('title')): tok += 1
    res['date'] = (dok, len(arts)); res['outlet'] = (ook, len(arts))
    if getattr(SET, 'TITLES', True):
        res['title'] = (tok, len(arts))
    # events
    pairs = []
    for E in d['events']:
        for art in E['sources']:
            if art in arts:
                qs = [q['quote'] for q in E['allEvidence'] if q['article'] == art]
                pairs.append((art, E, qs))
    strict = lenient = 0; hit_s = set(); hit_l = set(); errors = []
    for art, E, qs in pairs:
        gs = SET.GOLD[art]['events']; s_ok = l_ok = False
        for i, g in enumerate(gs):
            if agrees(E, g):
                l_ok = True; hit_l.add((art, i))
                if quote_ok(qs, SET.CUES[art][i]):
                    s_ok = True; hit_s.add((art, i))
        strict += s_ok; lenient += l_ok
        if not s_ok:
            errors.append(('event-lenient-only' if l_ok else 'event-wrong', art, E['id'], E['kind'], E['status'],
                           (E.get('start') or {}).get('date'), [p['entity']['id'] for p in E['participants']], [q[:90] for q in qs]))
    ngold = [(k, i) for k in arts for i, g in enumerate(SET.GOLD[k]['events']) if not g.get('optional')]
    res['ev_p_strict'] = (strict, len(pairs)); res['ev_p_len'] = (lenient, len(pairs))
    res['ev_r_strict'] = (len([x for x in ngold if x in hit_s]), len(ngold))
    res['ev_r_len'] = (len([x for x in ngold if x in hit_l]), len(ngold))
    res['ev_missed'] = [(k, SET.GOLD[k]['events'][i]['kind'], SET.GOLD[k]['events'][i]['status'], SET.GOLD[k]['events'][i]['participants'], SET.GOLD[k]['events'][i]['date']) for k, i in ngold if (k, i) not in hit_l]
    # known-event links
    ev = {E['id']: E for E in d['events']}
    res['known'] = {}
    for kid, karts in SET.KNOWN_ARTS.items():
        karts = [a for a in karts if a in arts] + ([SET.DUP] if SET.DUP in arts and kid in SET.KNOWN_DUP else [])
        E = ev.get(kid); ok = 0; src = 0
        for art in karts:
            gi = [i for i, g in enumerate(SET.GOLD[art]['events']) if (g.get('known') or '').replace(' (acceptable)', '') == kid]
            if E and art in E['sources']:
                src += 1
                qs = [q['quote'] for q in E['allEvidence'] if q['article'] == art]
                if any(quote_ok(qs, SET.CUES[art][i]) for i in gi): ok += 1
        res['known'][kid] = (ok, src, len(karts))
    # stances
    sp = {}
    for P in d['proposals']:
        for pos in P['allPositions']:
            for q in pos['evidence']:
                if q['article'] in arts:
                    sp.setdefault((q['article'], P['id'], pos['entity']['id'], pos['stance']), []).append(q['quote'])
    sc = 0; shit = set(); serr = []
    for (art, pid, eid, stance), qs in sp.items():
        ok = False
        for i, g in enumerate(SET.GOLD[art]['stances']):
            stances = {g['stance']} | {x for x in ('support', 'oppose', 'conditional') if f'{x} also acceptable' in (g.get('note') or '')}
            if actor_ok(g['actor'], eid) and stance in stances and SET.topic_ok(g['topic'], pid):
                ok = True; shit.add((art, i))
        sc += ok
        if not ok: serr.append((art, pid, eid, stance, qs[0][:90]))
    ngs = [(k, i) for k in arts for i, g in enumerate(SET.GOLD[k]['stances']) if not g.get('optional')]
    res['st_p'] = (sc, len(sp)); res['st_r'] = (len([x for x in ngs if x in shit]), len(ngs))
    res['st_errors'] = serr
    res['st_missed'] = [(k, SET.GOLD[k]['stances'][i]['actor'], SET.GOLD[k]['stances'][i]['topic'], SET.GOLD[k]['stances'][i]['stance']) for k, i in ngs if (k, i) not in shit]
    # quotes
    paras = d['paragraphs']; qn = qbad = 0; bad = []
    allq = [q for E in d['events'] for q in E['allEvidence']]
    allq += [q for P in d['proposals'] for pos in P['allPositions'] for q in pos['evidence']]
    allq += [q for P in d['proposals'] for q in (P.get('evidence') or [])]
    for q in allq:
        if q['article'] not in arts: continue
        qn += 1
        t = paras[q['article']][q['paragraph']]['text']
        if t[q['start']:q['end']] != q['quote']:
            qbad += 1; bad.append(q)
    res['quotes'] = (qn - qbad, qn); res['quote_bad'] = bad
    res['ev_errors'] = errors
    return res


# The topic map of the fourth to seventh sets (gold topic -> acceptable Accord proposal ids),
# written from the shipped seeds' proposal ids before any stance output on the sets' articles;
# each set extended it before its own run (the fifth used the fourth's, the sixth added the
# training mission, the seventh used the sixth's). Extracted proposals ('extracted-<topic>')
# are accepted by pattern where the topic is generic. A set's score.py sets
# `topic_ok = scoring.topic_ok` to use it.
GUARANTEE_PROPS = {'us-help-guaranteeing-security', 'nato-like-collective-defence',
                   'legally-binding-ratified-guarantees', 'steady-advanced-weapons-supply'}
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    sub = gtopic[len(base):].lower()
    ext = pid.startswith('extracted-')
    if base == 'ceasefire':
        return pid == 'ceasefire-before-talks' or (ext and 'ceasefire' in pid)
    if base == 'multinational force':
        return pid == 'multinational-reassurance-contingent' or (ext and any(w in pid for w in ('force', 'troop', 'contingent', 'peacekeep')))
    if base == 'security guarantees':
        if 'us help' in sub:
            return pid == 'us-help-guaranteeing-security'
        if 'russian model' in sub:
            return ext and 'guarantee' in pid
        return pid in GUARANTEE_PROPS or (ext and 'guarantee' in pid)
    if base == 'article 5-like guarantees':
        return pid == 'nato-like-collective-defence' or (ext and any(w in pid for w in ('article-5', 'collective-defen')))
    if base == 'franco-german cooperation':
        return pid == 'franco-german-missile-early-warning' or (ext and any(w in pid for w in ('early-warning', 'franco-german', 'missile')))
    if base == 'sanctions':
        return pid == 'sanctions-pressure-on-russia' or (ext and 'sanction' in pid)
    if base == 'arms financing':
        return pid == 'ukraine-us-weapons-purchase'
    if base == 'territorial concessions':
        return pid == 'putin-alaska-territorial-terms' or (ext and any(w in pid for w in ('territor', 'land')))
    if base == 'nato membership':
        return ext and 'nato-membership' in pid
    if base == 'training mission':
        return pid == 'eu-training-mission' or (ext and any(w in pid for w in ('training', 'eumam')))
    if base == 'leaders meeting':
        return ext and any(w in pid for w in ('meeting', 'summit'))
    return False


def set_files(score_py):
    """A set's gold (its articles), its cue phrases per gold event (stored in gold.json from the
    third set on) and where its dumps go (EVAL_OUT, else /tmp/accord-<set directory>)."""
    here = os.path.dirname(os.path.abspath(score_py))
    gold = json.load(open(os.path.join(here, 'gold.json')))['articles']
    cues = {k: [e['cues'] for e in a['events']] for k, a in gold.items()}
    return gold, cues, os.environ.get('EVAL_OUT', '/tmp/accord-' + os.path.basename(here))

def previous_set(name):
    """Another set's score.py as a module (its vocabulary), for a set that extends it: the sixth
    set's vocabulary is the fifth's with its own additions."""
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', name, 'score.py')
    spec = importlib.util.spec_from_file_location(name.replace('-', '_'), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

def known_articles(gold):
    """Per curated event id, the set's articles whose gold names it as a known event (not optional)."""
    known = {}
    for k, a in gold.items():
        for e in a['events']:
            kid = (e.get('known') or '').replace(' (acceptable)', '').strip()
            if kid and not e.get('optional') and k not in known.setdefault(kid, []):
                known[kid].append(k)
    return known


def main(scored_set):
    """Scores the server on the port in argv (or the cached dump) for `scored_set`, the set's
    score.py module, and prints the measures over all its articles and without its copy."""
    global SET
    SET = scored_set
    os.makedirs(SET.OUT + '/dump', exist_ok=True)
    if sys.argv[1] == '--cached':
        port = sys.argv[2]; d = json.load(open(f'{SET.OUT}/dump/{port}.json'))
    else:
        port = sys.argv[1]; d = fetch(port)
    every = [k for k in SET.GOLD]
    without_copy = [k for k in SET.GOLD if k != SET.DUP]
    out = {str(len(every)): score(d, every), str(len(without_copy)): score(d, without_copy)}
    json.dump(out, open(f'{SET.OUT}/score-{port}.json', 'w'), indent=1, default=str)
    measures = ['date', 'outlet'] + (['title'] if getattr(SET, 'TITLES', True) else []) + [
        'ev_p_strict', 'ev_r_strict', 'ev_p_len', 'ev_r_len', 'st_p', 'st_r', 'quotes']
    for n, r in out.items():
        f = lambda t: f'{t[0]}/{t[1]}' + (f' = {t[0]/t[1]:.2f}' if t[1] else '')
        print(f'--- {n} articles')
        for k in measures:
            print(f'{k:12s} {f(r[k])}')
        for k, v in r['known'].items():
            print(f'known {k}: correct-quote {v[0]}, sourced {v[1]}, of {v[2]}')
