#!/usr/bin/env python3
"""Writes the ingest MIME corpus: NN-name.eml and NN-name.expected.json.

Every message and every expected value below is written by hand (people,
companies and jobs are invented). Python is only used so that messages in
Shift_JIS, GB2312, Latin-1 etc. can be written as readable source, and so
the 1 MB line does not live in the script. Expected files list only the
fields a case is about; the test compares each listed field exactly.
Special keys: "text_contains"/"text_not_contains" (substrings), "text_len"
(byte length of text), "attachment_names" (names only, in order).
Run: python3 make_corpus.py   (from this directory)
"""
import base64, hashlib, json, os, quopri

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []


def case(name, raw, expected):
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    cases.append((name, raw, expected))


def b64(b, width=76):
    s = base64.b64encode(b).decode()
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def ew(text, charset="UTF-8"):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


# 01: a plain, well-formed message; raw_sha256 is checked against hashlib.
raw01 = b"""From: Ada Park <ada.park@example.org>
To: Sam Rivera <sam@example.net>
Subject: Coffee next week?
Date: Thu, 03 Apr 2025 09:15:00 -0700
Message-ID: <20250403091500.1@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hi Sam,

Are you free for coffee next Tuesday?

Ada
"""
case("01-plain-simple", raw01, {
    "schema": 1, "account": "test", "message_id": "20250403091500.1@example.org",
    "from": {"name": "Ada Park", "address": "ada.park@example.org"},
    "to": [{"name": "Sam Rivera", "address": "sam@example.net"}], "cc": [],
    "subject": "Coffee next week?", "date": "2025-04-03T16:15:00Z",
    "text": "Hi Sam,\n\nAre you free for coffee next Tuesday?\n\nAda",
    "truncated": False, "attachments": [], "list_id": None, "has_list_unsubscribe": False,
    "in_reply_to": None, "references": [], "calendar": None,
    "raw_sha256": hashlib.sha256(raw01).hexdigest(), "raw_size": len(raw01),
    "dedupe_key": "mid:20250403091500.1@example.org"})

# 02: mixed[alternative[plain, related[html, inline png]], pdf attachment]
png = b"\x89PNG\r\n\x1a\n" + bytes(range(40))
pdf = b"%PDF-1.4\n% fake resume\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
case("02-nested-multipart", """From: Recruiting <jobs@brightforge.example>
To: candidate@example.net
Subject: Your application packet
Date: Fri, 04 Apr 2025 12:00:00 +0000
Message-ID: <packet-7781@brightforge.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Plain version: we attached your packet.
--alt
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<html><body><p>HTML version: we attached your packet.</p><img src="cid:logo1"></body></html>
--rel
Content-Type: image/png
Content-ID: <logo1>
Content-Transfer-Encoding: base64

%s
--rel--
--alt--
--outer
Content-Type: application/pdf; name="packet.pdf"
Content-Disposition: attachment; filename="packet.pdf"
Content-Transfer-Encoding: base64

%s
--outer--
""" % (b64(png), b64(pdf)), {
    "text": "Plain version: we attached your packet.",
    "attachments": [{"name": "packet.pdf", "type": "application/pdf", "size": len(pdf)}]})

# 03: HTML only, scripts/styles, entities, links, lists
case("03-html-only", """From: Northwind Careers <no-reply@northwind.example>
To: lee@example.net
Subject: Jobs you may like
Date: Sat, 05 Apr 2025 08:00:00 +0000
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<!DOCTYPE html>
<html><head><title>Ignore me</title><style>.x { color: red }</style>
<script type="text/javascript">var tracking = "do not show";</script></head>
<body>
<h1>New roles for you</h1>
<p>We found   three&nbsp;roles &amp; one <b>internship</b>.</p>
<ul><li><a href="https://northwind.example/j/1">Data Engineer</a></li>
<li><a href="https://northwind.example/j/2">SRE</a> &ndash; remote</li></ul>
<p>Questions? Mail <a href="mailto:help@northwind.example">help@northwind.example</a>.</p>
</body></html>
""", {"text": "New roles for you\n\nWe found three roles & one internship.\n\n"
              "- Data Engineer (https://northwind.example/j/1)\n- SRE (https://northwind.example/j/2) \u2013 remote\n\n"
              "Questions? Mail help@northwind.example.",
      "text_not_contains": ["Ignore me", "tracking", "color"]})

# 04: unknown charset label, bytes are valid UTF-8
case("04-bogus-charset-utf8-bytes", """From: Zoe <zoe@example.com>
To: me@example.net
Subject: bogus charset label
Date: Sun, 06 Apr 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="x-bogus-123"
Content-Transfer-Encoding: 8bit

Na\u00efve caf\u00e9 r\u00e9sum\u00e9 \u2014 fine.
""", {"text": "Na\u00efve caf\u00e9 r\u00e9sum\u00e9 \u2014 fine."})

# 05: unknown charset label, Latin-1 bytes -> windows-1252 fallback
case("05-unknown-charset-latin1-bytes", b"""From: Zoe <zoe@example.com>
To: me@example.net
Subject: unknown charset, latin bytes
Date: Sun, 06 Apr 2025 10:05:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="x-mystery"
Content-Transfer-Encoding: 8bit

Caf\xe9 cr\xe8me br\xfbl\xe9e \x93quoted\x94
""", {"text": "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u201cquoted\u201d"})

# 06: RFC 2047 words split across folded lines, one character split in two words
case("06-rfc2047-split-folded", """From: =?UTF-8?Q?Bj=C3=B6rn_?=
 =?UTF-8?Q?=C3=85str=C3=B6m?= <bjorn@example.se>
To: me@example.net
Subject: =?UTF-8?B?SW50ZXJ2aWV3IGludml0YXRpb246IA==?=
 =?UTF-8?Q?Senior_Engineer_=E2=80=94_?=
 =?UTF-8?Q?M=C3?= =?UTF-8?Q?=BCnchen?=
Date: Mon, 07 Apr 2025 07:30:00 +0200
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Body.
""", {"from": {"name": "Bj\u00f6rn \u00c5str\u00f6m", "address": "bjorn@example.se"},
      "subject": "Interview invitation: Senior Engineer \u2014 M\u00fcnchen",
      "date": "2025-04-07T05:30:00Z"})

# 07: no Content-Type at all (defaults to text/plain; us-ascii)
case("07-missing-content-type", """From: old-mailer@example.com
To: me@example.net
Subject: no content type
Date: Tue, 08 Apr 2025 11:00:00 +0000

This body has no MIME headers at all.
Second line.
""", {"from": {"name": None, "address": "old-mailer@example.com"},
      "text": "This body has no MIME headers at all.\nSecond line."})

# 08: raw 8-bit UTF-8 in headers
case("08-8bit-utf8-headers", """From: Jos\u00e9 N\u00fa\u00f1ez <jose@example.es>
To: Zo\u00eb <zoe@example.net>
Subject: Entrevista ma\u00f1ana \u2014 \u00bfconfirmas?
Date: Tue, 08 Apr 2025 18:00:00 +0200
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

\u00a1Hola!
""", {"from": {"name": "Jos\u00e9 N\u00fa\u00f1ez", "address": "jose@example.es"},
      "to": [{"name": "Zo\u00eb", "address": "zoe@example.net"}],
      "subject": "Entrevista ma\u00f1ana \u2014 \u00bfconfirmas?", "text": "\u00a1Hola!"})

# 09: a 1 MiB line of text (no newline inside)
line = ("0123456789abcdef" * 65536)
case("09-huge-line", "From: bulk@example.com\nTo: me@example.net\nSubject: huge line\n"
     "Date: Wed, 09 Apr 2025 00:00:00 +0000\nContent-Type: text/plain\n\n" + line + "\n",
     {"text_len": 1048576, "truncated": False})

# 10: attachments only
xlsx = bytes((i * 7) % 256 for i in range(3000))
case("10-attachments-only", """From: hr@acme.example
To: me@example.net
Subject: Forms
Date: Wed, 09 Apr 2025 09:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
Content-Disposition: attachment; filename="offer-calc.xlsx"
Content-Transfer-Encoding: base64

%s
--b1
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

three lines
of attached
text
--b1--
""" % b64(xlsx), {"text": "", "attachments": [
    {"name": "offer-calc.xlsx", "type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "size": 3000},
    {"name": "notes.txt", "type": "text/plain", "size": len("three lines\nof attached\ntext")}]})

# 11: calendar invite (alternative with text/calendar, plus .ics attachment)
ics = """BEGIN:VCALENDAR\r
PRODID:-//Example//Scheduler//EN\r
VERSION:2.0\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:int-4471@scheduler.example\r
DTSTAMP:20250401T120000Z\r
DTSTART:20250410T150000Z\r
DTEND:20250410T154500Z\r
SUMMARY:Technical interview - Platform\r
 Engineer\r
ORGANIZER:mailto:talent@quarry.example\r
END:VEVENT\r
END:VCALENDAR\r
"""
case("11-calendar-invite", """From: Quarry Talent <talent@quarry.example>
To: me@example.net
Subject: Invitation: Technical interview
Date: Tue, 01 Apr 2025 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="m"

--m
Content-Type: multipart/alternative; boundary="a"

--a
Content-Type: text/plain; charset=utf-8

You are invited to a technical interview on April 10 at 15:00 UTC.
--a
Content-Type: text/calendar; charset=utf-8; method=REQUEST

%s--a--
--m
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

%s
--m--
""" % (ics, b64(ics.encode())), {
    "text": "You are invited to a technical interview on April 10 at 15:00 UTC.",
    "calendar": {"method": "REQUEST", "summary": "Technical interview - PlatformEngineer",
                 "dtstart": "2025-04-10T15:00:00Z", "start_utc": "2025-04-10T15:00:00Z", "duration_min": 45,
                 "sequence": 0, "status": None, "location": None, "url": None, "description": None,
                 "uid": "int-4471@scheduler.example"},
    "attachments": [{"name": "invite.ics", "type": "application/ics", "size": len(ics.encode())}]})

# 12: multipart without a boundary parameter
case("12-missing-boundary", """From: broken@example.com
To: me@example.net
Subject: missing boundary
Date: Thu, 10 Apr 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed

The sender forgot the boundary, so this is all one blob.
""", {"text_contains": ["The sender forgot the boundary, so this is all one blob."]})

# 13: base64 text with garbage characters mixed in
good = "Your assessment link is ready. Complete it within 7 days."
enc = base64.b64encode(good.encode()).decode()
garbled = enc[:10] + "!!##" + enc[10:30] + "\n  ~~ \n" + enc[30:]
case("13-base64-garbage", """From: assess@testly.example
To: me@example.net
Subject: assessment
Date: Thu, 10 Apr 2025 11:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

%s
""" % garbled, {"text": good})

# 14: Shift_JIS body and subject
jp_subj = "\u9762\u63a5\u306e\u3054\u6848\u5185"          # 面接のご案内
jp_body = "\u5c71\u7530\u69d8\n\u6765\u9031\u6728\u66dc\u65e5\u306b\u9762\u63a5\u3092\u304a\u9858\u3044\u3057\u307e\u3059\u3002"
case("14-shift-jis", ("From: =?Shift_JIS?B?%s?= <saiyo@kaisha.example.jp>\nTo: me@example.net\nSubject: %s\n"
     "Date: Fri, 11 Apr 2025 10:00:00 +0900\nMIME-Version: 1.0\nContent-Type: text/plain; charset=Shift_JIS\n"
     "Content-Transfer-Encoding: 8bit\n\n" % (base64.b64encode("\u63a1\u7528\u62c5\u5f53".encode("shift_jis")).decode(),
                                                ew(jp_subj, "Shift_JIS"))).encode() + jp_body.encode("shift_jis") + b"\n",
     {"from": {"name": "\u63a1\u7528\u62c5\u5f53", "address": "saiyo@kaisha.example.jp"},
      "subject": jp_subj, "text": jp_body, "date": "2025-04-11T01:00:00Z"})

# 15: GB2312 body (base64) and subject
cn_subj = "\u5de5\u4f5c\u673a\u4f1a"  # 工作机会
cn_body = "\u60a8\u597d\uff0c\u6211\u4eec\u5e0c\u671b\u4e0e\u60a8\u5b89\u6392\u4e00\u6b21\u9762\u8bd5\u3002"
case("15-gb2312", """From: hr@gongsi.example.cn
To: me@example.net
Subject: %s
Date: Fri, 11 Apr 2025 09:00:00 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset="gb2312"
Content-Transfer-Encoding: base64

%s
""" % (ew(cn_subj, "GB2312"), b64(cn_body.encode("gb2312"))), {"subject": cn_subj, "text": cn_body})

# 16: ISO-8859-1 quoted-printable
case("16-iso-8859-1-qp", """From: =?ISO-8859-1?Q?Fran=E7ois_L=E9ger?= <francois@example.fr>
To: me@example.net
Subject: =?ISO-8859-1?Q?R=E9ponse_=E0_votre_candidature?=
Date: Sat, 12 Apr 2025 14:00:00 +0200
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

Bonjour,=20
nous avons bien re=E7u votre candidature pour le poste d'ing=E9nieur.
""", {"from": {"name": "Fran\u00e7ois L\u00e9ger", "address": "francois@example.fr"},
      "subject": "R\u00e9ponse \u00e0 votre candidature",
      "text": "Bonjour, \nnous avons bien re\u00e7u votre candidature pour le poste d'ing\u00e9nieur."})

# 17: windows-1252 smart quotes, en dash, ellipsis, euro
case("17-windows-1252-smart-quotes", """From: pat@example.com
To: me@example.net
Subject: =?windows-1252?Q?=93Next_steps=94_=96_offer?=
Date: Sat, 12 Apr 2025 15:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1252
Content-Transfer-Encoding: quoted-printable

We=92re happy to offer =8050,000=85 =93subject to references=94.
""", {"subject": "\u201cNext steps\u201d \u2013 offer",
      "text": "We\u2019re happy to offer \u20ac50,000\u2026 \u201csubject to references\u201d."})

# 18: empty body
case("18-empty-body", "From: a@example.com\nTo: me@example.net\nSubject: (empty)\n"
     "Date: Sun, 13 Apr 2025 00:00:00 +0000\nMessage-ID: <empty@example.com>\n\n",
     {"text": "", "attachments": [], "subject": "(empty)"})

# 19: no Date header, no Message-ID: dedupe key falls back to from/date/subject hash
case("19-no-date", "From: Kim <kim@example.com>\nTo: me@example.net\nSubject: undated note\n\nNo date here.\n",
     {"date": None, "message_id": None,
      "dedupe_key": "hdr:" + hashlib.sha256(b"kim@example.com\n\nundated note").hexdigest()})

# 20-23: date formats and zones
case("20-date-named-zone", "From: a@example.com\nSubject: est\nDate: Tue, 1 Apr 2025 21:22:00 EST\n\nx\n",
     {"date": "2025-04-02T02:22:00Z"})
case("21-date-two-digit-year", "From: a@example.com\nSubject: 2y\nDate: 2 Apr 25 01:22 GMT\n\nx\n",
     {"date": "2025-04-02T01:22:00Z"})
case("22-date-iso8601", "From: a@example.com\nSubject: iso\nDate: 2025-04-02T03:22:00+02:00\n\nx\n",
     {"date": "2025-04-02T01:22:00Z"})
case("23-date-garbage", "From: a@example.com\nSubject: garbage date\nDate: sometime next week\n\nx\n",
     {"date": None})
case("24-date-half-hour-zone-comment",
     "From: a@example.com\nSubject: ist\nDate: Wed, 02 Apr 2025 06:52:00 +0530 (IST)\n\nx\n",
     {"date": "2025-04-02T01:22:00Z"})

# 25: several From mailboxes: the first is "from"
case("25-multiple-from", """From: Alex Chen <alex@example.com>, Blair Diaz <blair@example.com>
Sender: alex@example.com
To: me@example.net
Subject: joint note
Date: Mon, 14 Apr 2025 10:00:00 +0000

Both of us.
""", {"from": {"name": "Alex Chen", "address": "alex@example.com"}})

# 26: display names with commas, quotes, escapes, encoded words; Cc; group
case("26-display-names-commas-quotes", r'''From: "Doe, Jane (Hiring Manager)" <jane.doe@example.com>
To: "O'Brien, \"Bobby\"" <bobby@example.net>, plain@example.net,
 =?UTF-8?Q?M=C3=BCller=2C_Eva?= <eva@example.de>
Cc: Interview Panel: p1@example.com, "P, Two" <p2@example.com>;, last@example.com
Subject: names
Date: Mon, 14 Apr 2025 11:00:00 +0000

x
''', {"from": {"name": "Doe, Jane (Hiring Manager)", "address": "jane.doe@example.com"},
      "to": [{"name": "O'Brien, \"Bobby\"", "address": "bobby@example.net"},
             {"name": None, "address": "plain@example.net"},
             {"name": "M\u00fcller, Eva", "address": "eva@example.de"}],
      "cc": [{"name": None, "address": "p1@example.com"}, {"name": "P, Two", "address": "p2@example.com"},
             {"name": None, "address": "last@example.com"}]})

# 27: mailing list headers
case("27-list-unsubscribe", """From: Weekly Roles <digest@jobsboard.example>
To: me@example.net
Subject: 12 new roles this week
Date: Mon, 14 Apr 2025 06:00:00 +0000
List-Id: "Weekly Roles" <weekly.jobsboard.example>
List-Unsubscribe: <https://jobsboard.example/u/abc123>, <mailto:unsub@jobsboard.example?subject=unsubscribe>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
Precedence: bulk

Roles inside.
""", {"list_id": "weekly.jobsboard.example", "has_list_unsubscribe": True})

# 28: threading
case("28-threading", """From: Morgan <morgan@quarry.example>
To: me@example.net
Subject: Re: Re: Scheduling
Date: Tue, 15 Apr 2025 16:00:00 -0400
Message-ID: <reply-3@quarry.example>
In-Reply-To: <reply-2@example.net>
References: <start-1@quarry.example>
 <reply-2@example.net>
   <odd-but-valid@x.example>

Tuesday works.
""", {"message_id": "reply-3@quarry.example", "in_reply_to": "reply-2@example.net",
      "references": ["start-1@quarry.example", "reply-2@example.net", "odd-but-valid@x.example"],
      "date": "2025-04-15T20:00:00Z"})

# 29: Greenhouse-like application confirmation (alternative, plain wins)
case("29-ats-application-received", """From: Lumen Labs Recruiting <no-reply@ats-mail.example>
Reply-To: recruiting@lumenlabs.example
To: Riley Moss <riley.moss@example.net>
Subject: Thanks for applying to Lumen Labs
Date: Wed, 16 Apr 2025 13:45:10 +0000
Message-ID: <app.99120.ack@ats-mail.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="----=_Part_1"

------=_Part_1
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

Hi Riley,

Thank you for your interest in the Backend Engineer (Payments) role at Lum=
en Labs. Our team reviews every application and will reach out if there is=
 a match.

Best,
The Lumen Labs Talent Team
------=_Part_1
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

<html><body><p>Hi Riley,</p><p>Thank you for your interest in the <strong>B=
ackend Engineer (Payments)</strong> role at Lumen Labs.</p></body></html>
------=_Part_1--
""", {"text": "Hi Riley,\n\nThank you for your interest in the Backend Engineer (Payments) role at Lumen Labs. "
              "Our team reviews every application and will reach out if there is a match.\n\n"
              "Best,\nThe Lumen Labs Talent Team",
      "subject": "Thanks for applying to Lumen Labs"})

# 30: Lever-like interview scheduling request, plain text with links
case("30-ats-interview-request", """From: Devon at Harbor <devon@hire.harbor.example>
To: riley.moss@example.net
Subject: Riley, let's schedule your interview with Harbor
Date: Thu, 17 Apr 2025 09:12:00 -0700
Message-ID: <sched-5521@hire.harbor.example>
Content-Type: text/plain; charset=utf-8

Hi Riley,

The team would like to move you forward to a 45-minute video interview for
the Staff Data Engineer position. Please pick a time that suits you:

https://hire.harbor.example/schedule/5521?token=abc

Thanks,
Devon
""", {"text_contains": ["Staff Data Engineer", "https://hire.harbor.example/schedule/5521?token=abc"],
      "date": "2025-04-17T16:12:00Z"})

# 31: Workday-like HTML only: tables, hidden preheader, tracking pixel, footer links
case("31-ats-status-update-html", """From: Cobalt Systems <cobalt@myworkplace.example>
To: riley.moss@example.net
Subject: Update on your application: Senior SRE (R-10442)
Date: Fri, 18 Apr 2025 22:05:00 +0000
List-Unsubscribe: <https://myworkplace.example/unsub?id=7>
MIME-Version: 1.0
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<html><body>
<div style=3D"display: none; max-height:0">Preheader: a quick update from Cobalt</div>
<table width=3D"600"><tr><td><img src=3D"https://myworkplace.example/logo.png" alt=3D"Cobalt"></td></tr>
<tr><td><p>Dear Riley,</p>
<p>Thank you for your interest in the <b>Senior SRE</b> position (R-10442). After careful review, we have decided to move forward with other candidates.</p>
<p>You can view your candidate home <a href=3D"https://myworkplace.example/home">here</a>.</p></td></tr></table>
<img src=3D"https://track.example/open.gif" width=3D"1" height=3D"1">
</body></html>
""", {"text": "Dear Riley,\n\nThank you for your interest in the Senior SRE position (R-10442). After careful review, "
              "we have decided to move forward with other candidates.\n\n"
              "You can view your candidate home here (https://myworkplace.example/home).",
      "has_list_unsubscribe": True})

# 32: quoted-printable soft breaks and encoded '='
case("32-qp-soft-breaks", """From: a@example.com
Subject: qp
Date: Sat, 19 Apr 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Salary range: 120k=3D150k, very long line that the mailer wrapped with a so=
ft break right here.=0A=
Tab:=09end
""", {"text": "Salary range: 120k=150k, very long line that the mailer wrapped with a soft break right here.\nTab:\tend"})

# 33: CRLF line endings everywhere
case("33-crlf-line-endings", b"From: crlf@example.com\r\nTo: me@example.net\r\nSubject: crlf\r\n"
     b"Date: Sat, 19 Apr 2025 11:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nline one\r\nline two\r\n",
     {"subject": "crlf", "text": "line one\nline two"})

# 34: malformed headers: duplicate Subject, bad line, spaces before colon
case("34-malformed-headers", """From: first@example.com
Subject : spaced colon
Subject: second subject
To: me@example.net
Date: Sun, 20 Apr 2025 10:00:00 +0000
X-Weird-Header-Without-Value:
Content-Type: text/plain; charset=utf-8

Body survives.
""", {"text_contains": ["Body survives."], "from": {"name": None, "address": "first@example.com"}})

# 35: alternative whose plain part is a stub: the HTML rendering is used
case("35-alternative-plain-stub", """From: news@growth.example
To: me@example.net
Subject: Your weekly career report
Date: Sun, 20 Apr 2025 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary=zz

--zz
Content-Type: text/plain

View this email in your browser.
--zz
Content-Type: text/html

<p>This week 14 recruiters viewed your profile and 3 companies saved it. Roles matching your search for platform engineering in Berlin were posted by Acme, Northwind and Quarry. Keep your profile fresh to stay visible.</p>
--zz--
""", {"text": "This week 14 recruiters viewed your profile and 3 companies saved it. Roles matching your search "
              "for platform engineering in Berlin were posted by Acme, Northwind and Quarry. Keep your profile fresh "
              "to stay visible."})

# 36: forwarded message as message/rfc822
inner = "From: orig@example.org\nSubject: original\n\ninner body\n"
case("36-forwarded-rfc822", """From: fwd@example.com
To: me@example.net
Subject: Fwd: original
Date: Mon, 21 Apr 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=f

--f
Content-Type: text/plain

See below.
--f
Content-Type: message/rfc822
Content-Disposition: attachment; filename="original.eml"

%s
--f--
""" % inner, {"text": "See below.", "text_not_contains": ["inner body"],
              "attachment_names": ["original.eml"]})

# 37: related html with cid image only: no attachments
case("37-related-inline-image", """From: brand@example.com
To: me@example.net
Subject: logo
Date: Mon, 21 Apr 2025 11:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/related; boundary=r; type="text/html"

--r
Content-Type: text/html; charset=utf-8

<p>Hello <img src="cid:l@x" alt="logo">world</p>
--r
Content-Type: image/gif
Content-ID: <l@x>
Content-Disposition: inline; filename="logo.gif"
Content-Transfer-Encoding: base64

R0lGODlhAQABAAAAACw=
--r--
""", {"text": "Hello world", "attachments": []})

# 38: undisclosed recipients group
case("38-undisclosed-recipients", "From: bcc@example.com\nTo: undisclosed-recipients:;\nSubject: bcc\n"
     "Date: Mon, 21 Apr 2025 12:00:00 +0000\n\nx\n", {"to": [], "cc": []})

# 39: RFC 2231 encoded attachment name
case("39-rfc2231-filename", """From: me2@example.com
To: me@example.net
Subject: cv
Date: Tue, 22 Apr 2025 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=c

--c
Content-Type: text/plain; charset=utf-8

CV attached.
--c
Content-Type: application/pdf
Content-Disposition: attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20Jos%C3%A9.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--c--
""", {"text": "CV attached.",
      "attachments": [{"name": "R\u00e9sum\u00e9 Jos\u00e9.pdf", "type": "application/pdf", "size": 9}]})

# 40: a text/csv part with a name is an attachment, not body
case("40-text-csv-attachment", """From: data@example.com
To: me@example.net
Subject: list
Date: Tue, 22 Apr 2025 11:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=d

--d
Content-Type: text/plain

Export attached.
--d
Content-Type: text/csv; name=roles.csv

company,role
acme,sre
--d--
""", {"text": "Export attached.",
      "attachments": [{"name": "roles.csv", "type": "text/csv", "size": len("company,role\nacme,sre")}]})

# 41: <pre>, numeric entities, nested inline markup
case("41-html-pre-entities", """From: a@example.com
Subject: pre
Date: Tue, 22 Apr 2025 12:00:00 +0000
Content-Type: text/html; charset=utf-8

<div>It&#8217;s &lt;fine&gt; &amp; <i>good</i>:</div><pre>col1   col2
  x      y</pre><p>end</p>
""", {"text": "It\u2019s <fine> & good:\n\ncol1   col2\n  x      y\n\nend"})

# 42: declared UTF-8, invalid bytes inside: replaced with U+FFFD
case("42-invalid-utf8-body", b"From: a@example.com\nSubject: bad utf8\nDate: Wed, 23 Apr 2025 10:00:00 +0000\n"
     b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nok \xff\xfe then \xc3\x28 end\n",
     {"text": "ok \ufffd\ufffd then \ufffd( end"})

# 43: deeply nested multiparts (5 levels) still reach the text
case("43-deep-nesting", """From: a@example.com
Subject: deep
Date: Wed, 23 Apr 2025 11:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=L1

--L1
Content-Type: multipart/mixed; boundary=L2

--L2
Content-Type: multipart/alternative; boundary=L3

--L3
Content-Type: multipart/related; boundary=L4

--L4
Content-Type: multipart/mixed; boundary=L5

--L5
Content-Type: text/plain

deep text
--L5--
--L4--
--L3--
--L2--
--L1--
""", {"text": "deep text"})

# 44: ISO-2022-JP (stateful encoding, most common for Japanese mail)
jp2 = "\u9078\u8003\u7d50\u679c\u306e\u3054\u9023\u7d61"  # 選考結果のご連絡
case("44-iso-2022-jp", ("From: saiyo@kaisha.example.jp\nSubject: %s\nDate: Wed, 23 Apr 2025 12:00:00 +0900\n"
     "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n"
     % ew(jp2, "ISO-2022-JP")).encode() + jp2.encode("iso2022_jp") + b"\n",
     {"subject": jp2, "text": jp2})

# 45: windows-1251 Cyrillic (base64) and KOI8-R subject
ru = "\u041f\u0440\u0438\u0433\u043b\u0430\u0448\u0435\u043d\u0438\u0435 \u043d\u0430 \u0441\u043e\u0431\u0435\u0441\u0435\u0434\u043e\u0432\u0430\u043d\u0438\u0435"
case("45-windows-1251-koi8r", """From: hr@kompania.example.ru
Subject: %s
Date: Thu, 24 Apr 2025 10:00:00 +0300
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1251
Content-Transfer-Encoding: base64

%s
""" % (ew(ru, "KOI8-R"), b64(ru.encode("cp1251"))), {"subject": ru, "text": ru})

# 46: raw Latin-1 bytes in a header (not UTF-8): windows-1252 fallback
case("46-8bit-latin1-header", b"From: =?utf-8?Q?Ren=C3=A9?= <rene@example.fr>\nSubject: Caf\xe9 \x96 r\xe9union\n"
     b"Date: Thu, 24 Apr 2025 11:00:00 +0000\n\nx\n", {"subject": "Caf\u00e9 \u2013 r\u00e9union"})

# 47: HTML part with no charset and a meta charset; body is plain ASCII + entities
case("47-html-entities-no-charset", """From: a@example.com
Subject: ent
Date: Thu, 24 Apr 2025 12:00:00 +0000
Content-Type: text/html

<p>Caf&eacute; &copy; 2025 &mdash; <a href="https://ex.example/x">https://ex.example/x</a></p>
""", {"text": "Caf\u00e9 \u00a9 2025 \u2014 https://ex.example/x"})

for name, raw, exp in cases:
    with open(os.path.join(HERE, name + ".eml"), "wb") as f:
        f.write(raw)
    with open(os.path.join(HERE, name + ".expected.json"), "w") as f:
        json.dump(exp, f, indent=2, ensure_ascii=False)
        f.write("\n")
print("wrote %d cases" % len(cases))
