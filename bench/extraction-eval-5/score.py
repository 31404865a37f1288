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

# Vocabulary map, decided before running Accord on the set: the brief's gold kinds lack Accord's
# 'multilateral-meeting' and 'attack'; gold 'meeting' is the multilateral meeting, gold 'strike' an attack.
KIND_OK = {'meeting': {'meeting', 'multilateral-meeting'}, 'strike': {'strike', 'attack'}, 'attack': {'strike', 'attack'},
           # eval4: a video conference may be served as a call or as a meeting; a visit as a visit, a meeting or its press conference
           'video-call': {'phone-call', 'multilateral-meeting', 'meeting', 'other', 'talks'},
           'visit': {'visit', 'bilateral-meeting', 'press-conference', 'multilateral-meeting'}}  # eval5: a state visit with a summit may be served as a multilateral meeting

EUROPEANS = {'friedrich-merz', 'emmanuel-macron', 'keir-starmer', 'giorgia-meloni', 'alexander-stubb',
             'ursula-von-der-leyen', 'mark-rutte', 'germany', 'france', 'united-kingdom', 'italy', 'finland',
             'european-union', 'european-commission', 'nato', 'poland', 'donald-tusk', 'europe',
             'coalition-of-the-willing', 'kaja-kallas', 'antonio-costa', 'european-council', 'denmark', 'karol-nawrocki',
             'european-political-community', 'alexander-stubb'}
# person spellings accepted for "country (Person)" actors
PERSON = {'medinsky': {'vladimir-medinsky'}, 'umerov': {'rustem-umerov'}, 'zakharova': {'maria-zakharova'},
          'meloni': {'giorgia-meloni'}, 'tusk': {'donald-tusk'}, 'merz': {'friedrich-merz'},
          'peskov': {'dmitry-peskov', 'dmitri-peskov'}, 'fidan': {'hakan-fidan'}, 'starmer': {'keir-starmer'},
          'sybiha': {'andrii-sybiha', 'andriy-sybiha'}, 'carney': {'mark-carney'}, 'lavrov': {'sergei-lavrov', 'sergey-lavrov'},
          'ushakov': {'yuri-ushakov'}, 'kosiniak': {'wladyslaw-kosiniak-kamysz', 'władysław-kosiniak-kamysz'},
          'sikorski': {'radoslaw-sikorski', 'radosław-sikorski'}, 'kallas': {'kaja-kallas'}, 'macron': {'emmanuel-macron'},
          # eval5
          'erdogan': {'recep-tayyip-erdogan', 'recep-tayyip-erdoğan'}}

# The topic map of the fourth to seventh sets (scoring.py), decided before this set's run.
topic_ok = scoring.topic_ok

KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
