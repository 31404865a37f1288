#!/usr/bin/env python3
"""Validate the gazetteer in seeds/gazetteer/ (countries, organisations, outlets).

Checks:
  * each file is UTF-8 JSON of the documented shape;
  * ids are lowercase slugs and unique across all three files (capitals included);
  * Wikidata QIDs match ^Q[1-9][0-9]*$ and no QID is used by two entities
    (a capital may not share its country's QID);
  * 193 UN member states and 2 observer states;
  * alias kinds are known, every alias and demonym has at least 2 visible
    characters, and no entity repeats an alias;
  * no name or alias text (after NFC normalisation and case folding) belongs
    to two different entities unless every entity carrying it marks it,
    either on the alias ("ambiguous": true) or on the entity itself;
  * partOf and outlet country references resolve.

Prints counts, lists every problem, and exits 1 if there is any.
Standard library only.  Usage: check_gazetteer.py [GAZETTEER_DIR]
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
QID = re.compile(r'^Q[1-9][0-9]*$')
ALIAS_KINDS = {'official-name', 'short-form', 'transliteration', 'acronym', 'former-name'}
STATUSES = {'member', 'observer'}
OUTLET_KINDS = {'agency', 'newspaper', 'broadcaster', 'online'}
EXPECTED = {'member': 193, 'observer': 2}


def visible_len(text):
    """Characters that are neither separators/whitespace nor control/format marks."""
    return sum(1 for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in ('Z', 'C'))


def fold(text):
    return ' '.join(unicodedata.normalize('NFC', text).casefold().split())


class Checker:
    def __init__(self):
        self.problems = []
        self.ids = {}                          # id -> where
        self.qids = {}                         # qid -> id
        self.texts = defaultdict(dict)         # folded text -> {entity id: marked?}
        self.counts = defaultdict(int)
        self.country_ids = set()

    def problem(self, where, msg):
        self.problems.append(f'{where}: {msg}')

    def load(self, path, key):
        try:
            with open(path, encoding='utf-8') as fh:
                data = json.load(fh)
        except FileNotFoundError:
            self.problem(path, 'missing file')
            return []
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            self.problem(path, f'not valid UTF-8 JSON: {err}')
            return []
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            self.problem(path, f'top level must be an object with a "{key}" array')
            return []
        return data[key]

    def entity(self, where, ent, required=('id', 'name')):
        if not isinstance(ent, dict):
            self.problem(where, 'entry is not an object')
            return None
        for field in required:
            if not isinstance(ent.get(field), str) or not ent.get(field):
                self.problem(where, f'missing or empty "{field}"')
        eid = ent.get('id')
        if isinstance(eid, str):
            if not SLUG.match(eid):
                self.problem(where, f'id "{eid}" is not a lowercase slug')
            if eid in self.ids:
                self.problem(where, f'id "{eid}" already used by {self.ids[eid]}')
            else:
                self.ids[eid] = where
        q = ent.get('wikidata')
        if q is not None:
            if not isinstance(q, str) or not QID.match(q):
                self.problem(where, f'wikidata "{q}" is not a QID')
            elif q in self.qids:
                self.problem(where, f'wikidata {q} already used by "{self.qids[q]}"')
            else:
                self.qids[q] = eid
        if 'ambiguous' in ent and not isinstance(ent['ambiguous'], bool):
            self.problem(where, '"ambiguous" must be true or false')
        entity_marked = ent.get('ambiguous') is True
        name = ent.get('name')
        if isinstance(name, str):
            if visible_len(name) < 2:
                self.problem(where, f'name "{name}" has fewer than 2 visible characters')
            self.texts[fold(name)][eid] = entity_marked
        aliases = ent.get('aliases', [])
        if not isinstance(aliases, list):
            self.problem(where, '"aliases" must be an array')
            aliases = []
        seen = {fold(name)} if isinstance(name, str) else set()
        for i, alias in enumerate(aliases):
            aw = f'{where} alias[{i}]'
            if not isinstance(alias, dict) or not isinstance(alias.get('text'), str):
                self.problem(aw, 'alias must be an object with a "text" string')
                continue
            text = alias['text']
            if visible_len(text) < 2:
                self.problem(aw, f'alias "{text}" has fewer than 2 visible characters')
            if alias.get('kind') not in ALIAS_KINDS:
                self.problem(aw, f'alias "{text}" has unknown kind {alias.get("kind")!r}')
            if 'ambiguous' in alias and not isinstance(alias['ambiguous'], bool):
                self.problem(aw, '"ambiguous" must be true or false')
            key = fold(text)
            if key in seen:
                self.problem(aw, f'alias "{text}" repeats the name or another alias of "{eid}"')
                continue
            seen.add(key)
            marked = entity_marked or alias.get('ambiguous') is True
            self.texts[key][eid] = self.texts[key].get(eid, False) or marked
        if 'sources' in ent and not (isinstance(ent['sources'], list)
                                     and all(isinstance(s, str) for s in ent['sources'])):
            self.problem(where, '"sources" must be an array of strings')
        return eid

    def countries(self, path):
        rows = self.load(path, 'countries')
        for i, c in enumerate(rows):
            where = f'countries[{i}]'
            if isinstance(c, dict) and isinstance(c.get('id'), str):
                where = f'countries "{c["id"]}"'
            if self.entity(where, c, ('id', 'name', 'wikidata', 'status')) is None:
                continue
            self.country_ids.add(c['id'])
            if c.get('status') not in STATUSES:
                self.problem(where, f'status {c.get("status")!r} is not member or observer')
            else:
                self.counts[c['status']] += 1
            dem = c.get('demonyms', [])
            if not isinstance(dem, list) or not all(isinstance(d, str) for d in dem):
                self.problem(where, '"demonyms" must be an array of strings')
            else:
                for d in dem:
                    if visible_len(d) < 2:
                        self.problem(where, f'demonym "{d}" has fewer than 2 visible characters')
                if len(set(dem)) != len(dem):
                    self.problem(where, 'repeated demonym')
                self.counts['demonyms'] += len(dem)
            cap = c.get('capital')
            if cap is not None:
                cw = f'{where} capital'
                if self.entity(cw, cap, ('id', 'name', 'wikidata')) is not None:
                    self.counts['capitals'] += 1
                    self.counts['aliases'] += len(cap.get('aliases', []))
                    if cap.get('wikidata') == c.get('wikidata'):
                        self.problem(cw, 'capital has the same QID as its country')
            self.counts['aliases'] += len(c.get('aliases', []))
        self.counts['countries'] = len(rows)
        for status, n in EXPECTED.items():
            if self.counts[status] != n:
                self.problem(path, f'{self.counts[status]} {status} states, expected {n}')

    def organisations(self, path):
        rows = self.load(path, 'organisations')
        parts = []
        for i, o in enumerate(rows):
            where = f'organisations[{i}]'
            if isinstance(o, dict) and isinstance(o.get('id'), str):
                where = f'organisations "{o["id"]}"'
            if self.entity(where, o) is None:
                continue
            if 'partOf' not in o:
                self.problem(where, 'missing "partOf" (use null)')
            elif o['partOf'] is not None:
                parts.append((where, o['partOf']))
            if o.get('wikidata'):
                self.counts['organisations with QID'] += 1
            self.counts['aliases'] += len(o.get('aliases', []))
        self.counts['organisations'] = len(rows)
        org_ids = {o.get('id') for o in rows if isinstance(o, dict)}
        for where, ref in parts:
            if ref not in org_ids:
                self.problem(where, f'partOf "{ref}" is not an organisation id')
        return org_ids

    def outlets(self, path, country_ids):
        rows = self.load(path, 'outlets')
        for i, o in enumerate(rows):
            where = f'outlets[{i}]'
            if isinstance(o, dict) and isinstance(o.get('id'), str):
                where = f'outlets "{o["id"]}"'
            # An outlet without a sourced QID is listed only with a note saying so.
            required = ('id', 'name', 'wikidata', 'kind') if not (isinstance(o, dict) and o.get('note')) else ('id', 'name', 'kind')
            if self.entity(where, o, required) is None:
                continue
            if o.get('kind') not in OUTLET_KINDS:
                self.problem(where, f'kind {o.get("kind")!r} is not one of {sorted(OUTLET_KINDS)}')
            if 'country' in o and o['country'] not in country_ids:
                self.problem(where, f'country "{o["country"]}" is not a country id')
            self.counts['aliases'] += len(o.get('aliases', []))
        self.counts['outlets'] = len(rows)

    def collisions(self):
        for text, owners in sorted(self.texts.items()):
            if len(owners) > 1 and not all(owners.values()):
                unmarked = sorted(e for e, m in owners.items() if not m)
                self.problem('aliases', f'"{text}" is shared by {sorted(owners)}; '
                                        f'not marked ambiguous on {unmarked}')
            elif len(owners) > 1:
                self.counts['shared texts (marked)'] += 1


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = argv[1] if len(argv) > 1 else os.path.join(here, '..', 'seeds', 'gazetteer')
    chk = Checker()
    chk.countries(os.path.join(root, 'countries.json'))
    chk.organisations(os.path.join(root, 'organisations.json'))
    chk.outlets(os.path.join(root, 'outlets.json'), chk.country_ids)
    chk.collisions()
    c = chk.counts
    print(f'countries: {c["countries"]} ({c["member"]} members, {c["observer"]} observers), '
          f'capitals: {c["capitals"]}, demonyms: {c["demonyms"]}')
    print(f'organisations: {c["organisations"]} ({c["organisations with QID"]} with a QID), '
          f'outlets: {c["outlets"]}')
    print(f'ids: {len(chk.ids)}, QIDs: {len(chk.qids)}, aliases: {c["aliases"]}, '
          f'shared texts marked ambiguous: {c["shared texts (marked)"]}')
    if chk.problems:
        for p in chk.problems:
            print(f'PROBLEM {p}')
        print(f'{len(chk.problems)} problem(s)')
        return 1
    print('gazetteer OK')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
