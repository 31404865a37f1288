#!/usr/bin/env python3
"""The sixth outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the PBS copy of the AP story. Its vocabulary below (the fifth set's, with
KIND_OK 'talks', 'meeting', 'attack' and 'press-conference' widened, EUROPEANS and PERSON extended,
and a 'training mission' topic; gold notes "X also acceptable" widen a stance) was decided before
running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'pbs-ap-kyiv-strike-copy'

# Vocabulary map, decided before running Accord on the set: the fifth set's, with these additions.
FIFTH = scoring.previous_set('extraction-eval-5')
KIND_OK = {**FIFTH.KIND_OK,
           'meeting': FIFTH.KIND_OK['meeting'] | {'talks'},  # eval6: a ministers' or allies' meeting reported as "talks"
           'attack': FIFTH.KIND_OK['attack'] | {'other'},  # eval6: a drone incursion into a NATO country may be served as other
           # eval6: an envoy's or a delegation's working talks may be served as a meeting or a visit; a joint press
           # conference of two leaders as their meeting or the visit it closes
           'talks': {'talks', 'bilateral-meeting', 'multilateral-meeting', 'visit'},
           'press-conference': {'press-conference', 'bilateral-meeting', 'visit'}}
EUROPEANS = FIFTH.EUROPEANS | {'ireland', 'micheal-martin', 'micheál-martin', 'netherlands', 'boris-pistorius',
                               'troels-lund-poulsen', 'jonathan-powell', 'european-parliament', 'council-of-the-eu'}
# person spellings accepted for "country (Person)" actors
PERSON = {**FIFTH.PERSON,
          'bessent': {'scott-bessent'}, 'vance': {'jd-vance', 'j-d-vance'}, 'rubio': {'marco-rubio'},
          'pistorius': {'boris-pistorius'}, 'poulsen': {'troels-lund-poulsen'}, 'albanese': {'anthony-albanese'},
          'kremlin': {'kremlin', 'dmitry-peskov'}}

# The topic map of the fourth to seventh sets (scoring.py), decided before this set's run.
topic_ok = scoring.topic_ok

KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
