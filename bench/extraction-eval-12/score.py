#!/usr/bin/env python3
"""The twelfth outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the NewsBreak copy of the USA TODAY story on Trump's 50-day deadline (mojibake,
lost line breaks, doubled boilerplate, one paragraph dropped). Its vocabulary below (the eleventh
set's, with EUROPEANS and PERSON extended, KIND_OK unchanged, and one new stance topic, 'eu loan',
added to the topic map; gold notes "X also acceptable" widen a stance) was decided before running
Accord on the set.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'newsbreak-usatoday-50-day-copy'

# Vocabulary map, decided before running Accord on the set: the eleventh set's, with these additions.
ELEVENTH = scoring.previous_set('extraction-eval-11')
KIND_OK = dict(ELEVENTH.KIND_OK)
EUROPEANS = ELEVENTH.EUROPEANS | {'petr-pavel', 'andrej-babis', 'andrej-babiš', 'david-lammy', 'czechia',
                                  'czech-republic', 'valerie-urbain', 'valérie-urbain'}
# person spellings accepted for "country (Person)" actors. 'babis' is the Czech opposition leader,
# written "ano (Babis)" in the gold (his ANO movement or himself, never the Czech state); 'urbain' is
# Euroclear's chief executive ("euroclear (Urbain)").
PERSON = {**ELEVENTH.PERSON,
          'fiala': {'petr-fiala'}, 'pavel': {'petr-pavel'}, 'babis': {'andrej-babis', 'andrej-babiš'},
          'rutte': {'mark-rutte'}, 'costa': {'antonio-costa', 'antónio-costa'},
          'urbain': {'valerie-urbain', 'valérie-urbain'}}


# The eleventh set's topic map, with one topic this set's gold uses, decided before this set's run:
# the EU's jointly borrowed loan to Ukraine (December 2025), as against the reparations loan funded
# with frozen Russian assets, which stays under 'frozen assets'.
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    ext = pid.startswith('extracted-')
    if base == 'eu loan':
        return ext and not any(w in pid for w in ('reparation', 'asset', 'frozen')) and any(
            w in pid for w in ('loan', 'borrow', 'financ', 'funding', '90-billion', 'budget'))
    return ELEVENTH.topic_ok(gtopic, pid)


KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
