#!/usr/bin/env python3
"""The ninth outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the Devdiscourse copy of the dpa story. Its vocabulary below (the eighth set's,
with EUROPEANS and PERSON extended, one new stance topic, 'referendum', added to the topic map,
KIND_OK unchanged, and a second accepted publication date for an article whose page gives a
published and an updated day; gold notes "X also acceptable" widen a stance) was decided before
running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'devdiscourse-dpa-berlin-copy'

# Vocabulary map, decided before running Accord on the set: the eighth set's, with these additions.
EIGHTH = scoring.previous_set('extraction-eval-8')
KIND_OK = dict(EIGHTH.KIND_OK)
EUROPEANS = EIGHTH.EUROPEANS | {'greece', 'kyriakos-mitsotakis', 'switzerland', 'ignazio-cassis', 'guy-parmelin',
                                'osce', 'organization-for-security-and-co-operation-in-europe', 'jonathan-powell',
                                'belgium', 'bart-de-wever', 'european-parliament'}
# person spellings accepted for "country (Person)" actors
PERSON = {**EIGHTH.PERSON,
          'mitsotakis': {'kyriakos-mitsotakis'}, 'cassis': {'ignazio-cassis'}, 'parmelin': {'guy-parmelin'},
          'takaichi': {'sanae-takaichi', 'takaichi-sanae'}, 'kihara': {'minoru-kihara', 'kihara-minoru'},
          'kostyukov': {'igor-kostyukov'}, 'budanov': {'kyrylo-budanov', 'kirill-budanov'},
          'hnatov': {'andriy-hnatov', 'andrii-hnatov'}, 'kushner': {'jared-kushner'},
          'poilievre': {'pierre-poilievre'}, 'jaiswal': {'randhir-jaiswal'},
          'kremlin': EIGHTH.PERSON.get('kremlin', {'kremlin', 'dmitry-peskov'}) | {'dmitri-peskov'}}


# The eighth set's topic map, with one topic this set's gold uses, decided before this set's run:
# putting a territorial agreement to a referendum in Ukraine.
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    ext = pid.startswith('extracted-')
    if base == 'referendum':
        return ext and any(w in pid for w in ('referendum', 'plebiscite', 'vote'))
    return EIGHTH.topic_ok(gtopic, pid)


# A page that says "Published <day> / Updated <next day>" (Newsweek): both days are accepted.
def accepted_published(k):
    return tuple(GOLD[k].get('accepted_dates', ()))


KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
