#!/usr/bin/env python3
"""The eleventh outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the Head Topics copy of the CNBC Alaska story. Its vocabulary below (the tenth
set's, with EUROPEANS and PERSON extended, KIND_OK unchanged, and two new stance topics, 'minerals
deal' and 'european army', added to the topic map; gold notes "X also acceptable" widen a stance)
was decided before running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'headtopics-cnbc-alaska-copy'

# Vocabulary map, decided before running Accord on the set: the tenth set's, with these additions.
TENTH = scoring.previous_set('extraction-eval-10')
KIND_OK = dict(TENTH.KIND_OK)
EUROPEANS = TENTH.EUROPEANS | {'latvia', 'evika-silina', 'evika-siliņa', 'edgars-rinkevics', 'edgars-rinkēvičs',
                               'albania', 'edi-rama', 'lithuania'}
# person spellings accepted for "country (Person)" actors
PERSON = {**TENTH.PERSON,
          'zelensky': {'volodymyr-zelensky'}, 'trump': {'donald-trump'}, 'putin': {'vladimir-putin'},
          'lin': {'lin-jian'}, 'silina': {'evika-silina', 'evika-siliņa'},
          'rinkevics': {'edgars-rinkevics', 'edgars-rinkēvičs'}}


# The tenth set's topic map, with two topics this set's gold uses, decided before this set's run:
# the US-Ukraine minerals agreement (Zelensky's conditions on signing it, February 2025) and
# Zelensky's call in Munich for "armed forces of Europe".
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    ext = pid.startswith('extracted-')
    if base == 'minerals deal':
        return pid == 'us-ukraine-minerals-agreement' or (
            ext and any(w in pid for w in ('mineral', 'rare-earth', 'resource')))
    if base == 'european army':
        return ext and any(w in pid for w in ('army-of-europe', 'european-army', 'armed-forces-of-europe',
                                              'europe-army', 'european-armed', 'european-forces'))
    return TENTH.topic_ok(gtopic, pid)


KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
