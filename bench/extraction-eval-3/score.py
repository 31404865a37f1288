#!/usr/bin/env python3
"""The third outside extraction set's gold vocabulary, scored by ../extraction-eval/scoring.py
(its docstring gives the matching rules; usage: score.py PORT, or score.py --cached PORT).

Its copy (DUP) is the MSN copy of CNN. Its vocabulary below (KIND_OK, EUROPEANS, PERSON,
topic_ok) was decided before running Accord on the set; cue phrases are in gold.json.
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extraction-eval'))
import scoring

GOLD, CUES, OUT = scoring.set_files(__file__)
DUP = 'msn-cnn-alaska-copy'

# Vocabulary map, decided before running Accord on the set: the brief's gold kinds lack Accord's
# 'multilateral-meeting' and 'attack'; gold 'meeting' is the multilateral meeting, gold 'strike' an attack.
KIND_OK = {'meeting': {'meeting', 'multilateral-meeting'}, 'strike': {'strike', 'attack'}}

EUROPEANS = {'friedrich-merz', 'emmanuel-macron', 'keir-starmer', 'giorgia-meloni', 'alexander-stubb',
             'ursula-von-der-leyen', 'mark-rutte', 'germany', 'france', 'united-kingdom', 'italy', 'finland',
             'european-union', 'european-commission', 'nato', 'poland', 'donald-tusk', 'europe'}
# person spellings accepted for "country (Person)" actors
PERSON = {'medinsky': {'vladimir-medinsky'}, 'umerov': {'rustem-umerov'}, 'zakharova': {'maria-zakharova'},
          'meloni': {'giorgia-meloni'}, 'tusk': {'donald-tusk'}, 'merz': {'friedrich-merz'},
          'peskov': {'dmitry-peskov', 'dmitri-peskov'}, 'fidan': {'hakan-fidan'}, 'starmer': {'keir-starmer'},
          'sybiha': {'andrii-sybiha', 'andriy-sybiha'}, 'carney': {'mark-carney'}, 'lavrov': {'sergei-lavrov', 'sergey-lavrov'}}

# TOPIC map (gold topic -> acceptable Accord proposal ids), written from GET /proposals on the
# shipped seeds BEFORE looking at any stance output on the new articles. Extracted proposals
# ('extracted-<topic>') are accepted by pattern where the topic is generic.
# The guarantee proposals are the later sets' too (scoring.GUARANTEE_PROPS); this set's map
# below is its own, narrower than theirs (scoring.topic_ok), and stays as it was decided.
GUARANTEE_PROPS = scoring.GUARANTEE_PROPS
def topic_ok(gtopic, pid):
    base = gtopic.split(' (')[0].strip()
    sub = gtopic[len(base):].lower()
    ext = pid.startswith('extracted-')
    if base == 'ceasefire':
        return pid == 'ceasefire-before-talks' or (ext and 'ceasefire' in pid)
    if base == 'multinational force':
        return pid == 'multinational-reassurance-contingent' or (ext and any(w in pid for w in ('force', 'troop', 'contingent')))
    if base == 'security guarantees':
        if 'us help' in sub:
            return pid == 'us-help-guaranteeing-security'
        if 'russian model' in sub:
            return ext and 'guarantee' in pid
        return pid in GUARANTEE_PROPS or (ext and 'guarantee' in pid)
    if base == 'article 5-like guarantees':
        return pid == 'nato-like-collective-defence'
    if base == 'sanctions':
        return pid == 'sanctions-pressure-on-russia' or (ext and 'sanction' in pid)
    if base == 'arms financing':
        return pid == 'ukraine-us-weapons-purchase'
    if base == 'territorial concessions':
        return pid == 'putin-alaska-territorial-terms' or (ext and any(w in pid for w in ('territor', 'land')))
    if base == 'nato membership':
        return ext and 'nato-membership' in pid
    if base == 'leaders meeting':
        return ext and 'meeting' in pid
    return False

KNOWN_ARTS = scoring.known_articles(GOLD)
KNOWN_DUP = set()


if __name__ == '__main__':
    scoring.main(sys.modules[__name__])
