#!/usr/bin/env python3
"""The eighth outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the Hindustan Times copy of the Bloomberg story. Its vocabulary below (the
seventh set's, with EUROPEANS and PERSON extended and three new stance topics, 'arms supply',
'peace plan' and 'frozen assets', added to the topic map; KIND_OK unchanged; gold notes "X also
acceptable" widen a stance) was decided before running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'hindustantimes-bloomberg-hague-copy'

# Vocabulary map, decided before running Accord on the set: the seventh set's, with these additions.
SEVENTH = scoring.previous_set('extraction-eval-7')
KIND_OK = dict(SEVENTH.KIND_OK)
EUROPEANS = SEVENTH.EUROPEANS | {'lithuania', 'gitanas-nauseda', 'gitanas-nausėda', 'kestutis-budrys', 'kęstutis-budrys',
                                 'frederikas-jansonas', 'mette-frederiksen', 'dick-schoof', 'belgium', 'bart-de-wever',
                                 'slovakia', 'robert-fico', 'hungary', 'viktor-orban', 'viktor-orbán', 'antónio-costa'}
# person spellings accepted for "country (Person)" actors
PERSON = {**SEVENTH.PERSON,
          'nauseda': {'gitanas-nauseda', 'gitanas-nausėda'}, 'budrys': {'kestutis-budrys', 'kęstutis-budrys'},
          'jansonas': {'frederikas-jansonas'}, 'fico': {'robert-fico'}, 'orban': {'viktor-orban', 'viktor-orbán'},
          'szijjarto': {'peter-szijjarto', 'péter-szijjártó'}, 'dewever': {'bart-de-wever'}, 'yermak': {'andriy-yermak'},
          'driscoll': {'dan-driscoll', 'daniel-driscoll'}, 'witkoff': {'steve-witkoff'}, 'dmitriev': {'kirill-dmitriev'}}


# The topic map of the fourth to seventh sets (scoring.py), with three topics this set's gold uses,
# decided before this set's run: weapons deliveries (Patriots, Tomahawks, long-range capabilities),
# the US peace plan of November 2025 (the 28-point plan, the Geneva framework and the counterproposals)
# and the use of frozen Russian assets (the reparations loan).
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    ext = pid.startswith('extracted-')
    if base == 'arms supply':
        return pid in {'steady-advanced-weapons-supply', 'ukraine-us-weapons-purchase'} or (
            ext and any(w in pid for w in ('weapon', 'missile', 'tomahawk', 'patriot', 'arms', 'air-defen', 'long-range')))
    if base == 'peace plan':
        return ext and any(w in pid for w in ('plan', 'framework', 'peace-deal', 'peace-agreement', 'settlement', '28-point', '19-point'))
    if base == 'frozen assets':
        return ext and any(w in pid for w in ('asset', 'reparation', 'frozen'))
    return scoring.topic_ok(gtopic, pid)


KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
