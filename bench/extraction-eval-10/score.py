#!/usr/bin/env python3
"""The tenth outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the MarketScreener copy of the Reuters Jeddah story. Its vocabulary below (the
ninth set's, with EUROPEANS and PERSON extended, one new gold kind, 'summit-visit', added to
KIND_OK, and four new stance topics, 'talks venue', 'us backstop', 'peace efforts' and 'energy
sanctions', added to the topic map; gold notes "X also acceptable" widen a stance) was decided
before running Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'marketscreener-reuters-jeddah-copy'

# Vocabulary map, decided before running Accord on the set: the ninth set's, with these additions.
NINTH = scoring.previous_set('extraction-eval-9')
KIND_OK = {**NINTH.KIND_OK,
           # a leader's visit abroad for an annual bilateral summit (Putin to India) may be served as
           # the visit, the summit or the bilateral meeting
           'summit-visit': {'visit', 'summit', 'bilateral-meeting'}}
EUROPEANS = NINTH.EUROPEANS | {'olaf-scholz', 'pedro-sanchez', 'pedro-sánchez', 'bulgaria', 'georg-georgiev',
                               'rosen-zhelyazkov', 'czech-republic', 'czechia', 'petr-fiala', 'romania',
                               'ulf-kristersson', 'jonas-gahr-store', 'jonas-gahr-støre', 'john-healey',
                               'sebastien-lecornu', 'sébastien-lecornu', 'peter-szijjarto', 'péter-szijjártó',
                               'coalition-of-the-willing'}
# person spellings accepted for "country (Person)" actors
PERSON = {**NINTH.PERSON,
          'scholz': {'olaf-scholz'}, 'sanchez': {'pedro-sanchez', 'pedro-sánchez'}, 'hegseth': {'pete-hegseth'},
          'kosachev': {'konstantin-kosachev'}, 'graham': {'lindsey-graham'}, 'georgiev': {'georg-georgiev'},
          'waltz': {'mike-waltz', 'michael-waltz'}, 'kallas': {'kaja-kallas'}, 'modi': {'narendra-modi'},
          # the Pope as an actor: the Holy See / Vatican ids are the same actor
          'leo': {'pope-leo-xiv', 'leo-xiv', 'pope-leo', 'holy-see'}}


# The ninth set's topic map, with four topics this set's gold uses, decided before this set's run:
# hosting negotiations (the Vatican, Turkey), US participation in the guarantees (the "backstop"),
# support for the peace process in general (an early end to the war, Putin's memorandum), and
# pressure on Russia's energy exports (the US tariff penalty on India for Russian oil).
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    ext = pid.startswith('extracted-')
    if base == 'talks venue':
        return ext and any(w in pid for w in ('venue', 'host', 'vatican', 'mediat', 'talks', 'negotiat', 'meeting', 'summit'))
    if base == 'us backstop':
        return pid == 'us-help-guaranteeing-security' or (
            ext and any(w in pid for w in ('backstop', 'us-backing', 'us-support', 'us-involvement', 'us-participation', 'american', 'guarantee')))
    if base == 'peace efforts':
        return NINTH.topic_ok('peace plan', pid) or (
            ext and any(w in pid for w in ('peace', 'negotiat', 'dialogue', 'memorandum', 'end-the-war', 'end-to-the', 'diplomac', 'resolution')))
    if base == 'energy sanctions':
        return pid == 'sanctions-pressure-on-russia' or (
            ext and any(w in pid for w in ('sanction', 'tariff', 'oil', 'energy', 'crude', 'export')))
    return NINTH.topic_ok(gtopic, pid)


KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
