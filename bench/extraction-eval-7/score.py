#!/usr/bin/env python3
"""The seventh outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the Yahoo News copy of the Ukrainska Pravda story. Its vocabulary below (the
sixth set's, with KIND_OK 'meeting', 'summit', 'bilateral-meeting', 'press-conference' and
'un-session' widened, an 'incursion' kind for an airspace violation without an attack, and
EUROPEANS and PERSON extended; gold notes "X also acceptable" widen a stance) was decided before
running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'yahoo-up-zelensky-new-york-copy'

# Vocabulary map, decided before running Accord on the set: the sixth set's, with these additions.
SIXTH = scoring.previous_set('extraction-eval-6')
KIND_OK = {**SIXTH.KIND_OK,
           # a coalition "summit" held partly by video link may be served as a summit
           'meeting': SIXTH.KIND_OK['meeting'] | {'summit'},
           # an airspace violation by fighter jets (no strike) may be served as an attack or as other
           'incursion': {'attack', 'strike', 'other'},
           # an operation launched at a press conference may be served as other
           'press-conference': SIXTH.KIND_OK['press-conference'] | {'other'},
           # a leaders' summit of a regional organisation (SCO) may be served as a multilateral meeting
           'summit': {'summit', 'multilateral-meeting'},
           # a leader received at the White House may be served as a visit, or the talks as talks
           'bilateral-meeting': {'bilateral-meeting', 'visit', 'talks'},
           # a Security Council session or a General Assembly address may be served as a multilateral meeting
           'un-session': {'un-session', 'multilateral-meeting'}}
EUROPEANS = SIXTH.EUROPEANS | {'estonia', 'kristen-michal', 'margus-tsahkna', 'hanno-pevkur', 'antti-hakkanen', 'antti-häkkänen',
                               'elina-valtonen', 'antonio-tajani', 'matteo-salvini', 'radoslaw-sikorski', 'radosław-sikorski',
                               'spain', 'sweden', 'norway', 'lithuania', 'latvia'}
# person spellings accepted for "country (Person)" actors
PERSON = {**SIXTH.PERSON,
          'hakkanen': {'antti-hakkanen', 'antti-häkkänen'}, 'valtonen': {'elina-valtonen'},
          'hayashi': {'yoshimasa-hayashi'}, 'modi': {'narendra-modi'}, 'tajani': {'antonio-tajani'},
          'salvini': {'matteo-salvini'}, 'michal': {'kristen-michal'}, 'tsahkna': {'margus-tsahkna'},
          'martin': {'micheal-martin', 'micheál-martin'}}

# The topic map of the fourth to seventh sets (scoring.py), decided before this set's run.
topic_ok = scoring.topic_ok

KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
