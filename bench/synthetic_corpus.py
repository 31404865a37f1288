#!/usr/bin/env python3
"""Generate a synthetic seeds directory for Accord scale tests.

    python3 bench/synthetic_corpus.py --out /tmp/accord-seeds-10k [--articles 10000] [--seeds seeds] [--seed 1]

The output is a complete seeds directory:

  <out>/entities.json, events.json, proposals.json, articles.json   copied unchanged from --seeds
  <out>/articles/<the five real .txt files>                          copied byte-identical, so every
                                                                     evidence quote still resolves
  <out>/articles/syn_NNNNN_<hex>.txt                                 N synthetic articles

A synthetic article is built from the real articles' paragraphs: 6-16 paragraphs drawn from
different real articles, the sentences of each paragraph shuffled and partly dropped, some
person, country and city names swapped for others (real catalogue names and invented ones,
so entity mentions and the search vocabulary both grow), and a few invented tokens
(place names, numbers) so the full-text index sees a growing vocabulary rather than five
articles' words repeated. Sizes are a few KB each (about 2-5 KB, mean about 3 KB). Synthetic articles have no
entry in articles.json (seeds/FORMAT.md, "A .txt file with no entry here is still served"): each
opens with a headline line and a Reuters-style dateline ("KYIV, March 12 (Reuters) - ...", so the
loader infers title, outlet, place and publication date from the text, as for a real wire copy),
and 1-3 paragraphs carry event sentences with catalogue names, full dates and event verbs ("On
14 March 2026, Macron and Zelensky met in Paris for talks on security guarantees."), so event
extraction, date resolution and search do real work on every article, not only on the reused
real paragraphs.

Deterministic for a given --seed. Only the standard library is used.
"""
import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys

# Names that appear in the real articles, and what they may be swapped for. The swaps keep
# mentions of catalogue entities (so /entities/{id}/mentions grows) and add invented names
# (unknown to the catalogue: plain text, searchable).
PERSON_SWAPS = {
    "Zelenskyy": ["Zelenskyy", "Zelensky", "Macron", "Merz", "Rutte", "Halvorsen", "Kowalczyk"],
    "Zelensky": ["Zelensky", "Zelenskyy", "Starmer", "Tusk", "Lindqvist", "Okonkwo"],
    "Zelenskiy": ["Zelenskiy", "Zelensky", "Meloni", "Ferreira", "Varga"],
    "Putin": ["Putin", "Lavrov", "Peskov", "Ushakov", "Dmitriev", "Sokolov"],
    "Trump": ["Trump", "Vance", "Witkoff", "Rubio", "Hargreave", "Delacroix"],
    "Macron": ["Macron", "Merz", "Starmer", "Sanchez", "Moreau", "Brandt"],
    "Merz": ["Merz", "Macron", "Scholz", "Albrecht", "Novak"],
    "Witkoff": ["Witkoff", "Kellogg", "Rubio", "Whitcombe"],
    "Yermak": ["Yermak", "Umerov", "Sybiha", "Kravets"],
    "Rutte": ["Rutte", "Stoltenberg", "Mikkelsen"],
}
PLACE_SWAPS = {
    "Kyiv": ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro", "Zhytomyr"],
    "Moscow": ["Moscow", "St Petersburg", "Kazan"],
    "Washington": ["Washington", "New York", "Brussels", "Geneva"],
    "Paris": ["Paris", "London", "Berlin", "Rome", "Warsaw", "Helsinki"],
    "London": ["London", "Paris", "Oslo", "Copenhagen", "Vilnius"],
    "Berlin": ["Berlin", "Paris", "Prague", "Vienna"],
    "Germany": ["Germany", "France", "Poland", "Italy", "Spain", "Finland"],
    "France": ["France", "Germany", "the Netherlands", "Sweden", "Norway"],
    "Britain": ["Britain", "Canada", "Denmark", "Estonia"],
}
INVENTED_SYLLABLES = ["vor", "len", "ska", "mir", "dal", "tro", "ven", "kas", "pol", "rin", "zet", "bro", "hal", "nik"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
EVENT_PEOPLE = ["Zelensky", "Macron", "Merz", "Starmer", "Trump", "Putin", "Rutte", "Witkoff", "Yermak",
                "Tusk", "Meloni", "Vance", "Lavrov", "Rubio", "Umerov"]
EVENT_PLACES = ["Kyiv", "Paris", "Washington", "London", "Berlin", "Brussels", "Geneva", "Warsaw", "Rome",
                "Istanbul", "Helsinki", "Moscow"]
EVENT_TOPICS = ["security guarantees", "a ceasefire", "air defence", "a reassurance force", "sanctions",
                "reconstruction funding", "a peace framework", "prisoner exchanges"]
EVENT_TEMPLATES = [
    "On {d} {m} {y}, {a} and {b} met in {p} for talks on {t}.",
    "{a} will meet {b} in {p} on {d} {m} {y} to discuss {t}.",
    "{a} spoke by phone with {b} on {d} {m} {y} about {t}, his office said.",
    "{a} visited {p} on {d} {m} {y}, where he held talks with {b} on {t}.",
    "A summit on {t} with {a} and {b} is scheduled in {p} on {d} {m} {y}.",
    "{a} rejected a proposal by {b} on {t} on {d} {m} {y}.",
    "Leaders including {a} and {b} held a video conference on {t} on {d} {m} {y}.",
]
SENTENCE_SPLIT = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")


def invented_word(rng):
    return "".join(rng.choice(INVENTED_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def load_paragraphs(articles_dir, real_files):
    paragraphs = []
    for name in real_files:
        with open(os.path.join(articles_dir, name), encoding="utf-8") as handle:
            for line in handle.read().splitlines():
                line = line.strip()
                # body paragraphs only: long enough to be prose, not a sidebar or credit line
                if len(line) >= 120 and len(line.split()) >= 20:
                    paragraphs.append((name, line))
    if not paragraphs:
        sys.exit("synthetic_corpus.py: no paragraphs found in the real articles")
    return paragraphs


def swap_names(text, rng):
    for table in (PERSON_SWAPS, PLACE_SWAPS):
        for name, choices in table.items():
            if name in text and rng.random() < 0.6:
                replacement = rng.choice(choices)
                text = re.sub(r"\b%s\b" % re.escape(name), replacement, text)
    return text


def vary_numbers(text, rng):
    # change some standalone numbers (not years) so the texts differ in their figures too
    def repl(match):
        value = int(match.group(0))
        if 1900 <= value <= 2100 or rng.random() < 0.5:
            return match.group(0)
        return str(max(1, value + rng.randint(-value // 2 - 1, value // 2 + 1)))
    return re.sub(r"\b\d{1,4}\b", repl, text)


def make_paragraph(source, rng):
    sentences = SENTENCE_SPLIT.split(source)
    if len(sentences) > 2:
        rng.shuffle(sentences)
        keep = max(2, int(len(sentences) * rng.uniform(0.6, 1.0)))
        sentences = sentences[:keep]
    text = " ".join(sentences)
    text = vary_numbers(swap_names(text, rng), rng)
    if rng.random() < 0.5:
        text += " Officials in %s said talks with %s would continue." % (invented_word(rng), invented_word(rng))
    return text


def event_sentence(rng, year, month):
    a, b = rng.sample(EVENT_PEOPLE, 2)
    return rng.choice(EVENT_TEMPLATES).format(
        a=a, b=b, p=rng.choice(EVENT_PLACES), t=rng.choice(EVENT_TOPICS),
        d=rng.randint(1, 28), m=MONTHS[(month + rng.randint(-1, 1)) % 12], y=year)


def make_article(paragraphs, rng):
    count = rng.randint(6, 16)
    chosen = rng.sample(paragraphs, min(count, len(paragraphs)))
    body = [make_paragraph(text, rng) for _, text in chosen]
    year, month, day = rng.choice([2025, 2026]), rng.randrange(12), rng.randint(1, 28)
    # 1-3 paragraphs get a dated event sentence (catalogue names, an event verb, a full date)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(body))
        body[i] = event_sentence(rng, year, month) + " " + body[i]
    # a wire dateline on the first paragraph: title, outlet, place and date inferred from the text
    body[0] = "%s, %s %d (Reuters) - %s" % (rng.choice(EVENT_PLACES).upper(), MONTHS[month], day, body[0])
    # a synthetic headline line (no final full stop): becomes the title of the article
    lead = "%s and %s discuss %s as envoys from %s meet in %s" % (
        rng.choice(["Allies", "Ministers", "Envoys", "Leaders", "Diplomats"]),
        rng.choice(["Kyiv", "partners", "Washington", "Brussels", "European capitals"]),
        rng.choice(["security guarantees", "a ceasefire plan", "a reassurance force", "air defence", "sanctions"]),
        invented_word(rng), invented_word(rng))
    return lead + "\n" + "\n".join(body) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output seeds directory (created; must be empty or absent)")
    parser.add_argument("--articles", type=int, default=10000, help="number of synthetic articles (default 10000)")
    parser.add_argument("--seeds", default=os.path.join(here, "..", "seeds"), help="the real seeds directory")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true", help="replace an existing output directory")
    args = parser.parse_args()

    seeds = os.path.abspath(args.seeds)
    out = os.path.abspath(args.out)
    if os.path.exists(out):
        if not args.force and os.listdir(out):
            sys.exit("synthetic_corpus.py: %s exists and is not empty (use --force)" % out)
        if args.force:
            if not os.path.isfile(os.path.join(out, "entities.json")) and os.listdir(out):
                sys.exit("synthetic_corpus.py: refusing to remove %s: it does not look like a seeds directory" % out)
            shutil.rmtree(out)
    os.makedirs(os.path.join(out, "articles"))

    for name in ("articles.json", "entities.json", "events.json", "proposals.json"):
        src = os.path.join(seeds, name)
        if os.path.exists(src):
            shutil.copyfile(src, os.path.join(out, name))
    real_files = sorted(f for f in os.listdir(os.path.join(seeds, "articles")) if f.endswith(".txt"))
    for name in real_files:
        shutil.copyfile(os.path.join(seeds, "articles", name), os.path.join(out, "articles", name))

    rng = random.Random(args.seed)
    paragraphs = load_paragraphs(os.path.join(seeds, "articles"), real_files)
    total_bytes = 0
    for index in range(args.articles):
        text = make_article(paragraphs, rng)
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()[:16]
        with open(os.path.join(out, "articles", "syn_%05d_%s.txt" % (index, digest)), "wb") as handle:
            handle.write(data)
        total_bytes += len(data)

    json.dump({
        "real_articles": len(real_files), "synthetic_articles": args.articles,
        "synthetic_bytes": total_bytes,
        "mean_synthetic_bytes": round(total_bytes / max(args.articles, 1)),
        "source_paragraphs": len(paragraphs), "seed": args.seed,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
