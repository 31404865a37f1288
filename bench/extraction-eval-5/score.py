#!/usr/bin/env python3
"""The fifth outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is The Age copy of The Telegraph. Its vocabulary below (the fourth set's, with
KIND_OK 'visit', EUROPEANS and PERSON extended; gold notes "X also acceptable" widen a stance) was
decided before running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'theage-telegraph-paris-copy'

# Vocabulary map, decided before running Accord on the set: the fourth set's, with these additions.
FOURTH = scoring.previous_set('extraction-eval-4')
# eval5: a state visit with a summit may be served as a multilateral meeting
KIND_OK = {**FOURTH.KIND_OK, 'visit': FOURTH.KIND_OK['visit'] | {'multilateral-meeting'}}
EUROPEANS = FOURTH.EUROPEANS | {'european-political-community', 'alexander-stubb'}
# person spellings accepted for "country (Person)" actors
PERSON = {**FOURTH.PERSON, 'erdogan': {'recep-tayyip-erdogan', 'recep-tayyip-erdoğan'}}

# The topic map of the fourth to seventh sets (scoring.py), decided before this set's run.
topic_ok = scoring.topic_ok

KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
