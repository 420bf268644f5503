"""engine.py: turns the phrase banks of one language module into emails.

The corpus was one template family per class; mail written by other people
is not. Here every email is a (family, style) pair in one language:

* family  what the mail is about (an interview invitation, a rescheduling
          note, an offer that never says "offer", a rejection that mentions
          the offer made to someone else, a mock-interview booking, ...);
          its gold label follows from it (FAMILIES below).
* style   who wrote it and how (a one-line reply on top of a quoted thread,
          a formal HR letter, a recruiter's casual note, the hiring manager,
          an ATS robot, a calendar tool, a bulk mailing).

The language modules (en.py, de.py, ...) hold the sentences, written in that
language by hand, and the local conventions (dates, quoting headers, ATS
names, sign-offs); this file holds the structure only, so every style exists
in every language and a style or family can be held out whole.
Deterministic: one random.Random per language, seeded from SEED and the
language code.
"""
import datetime
import random

SEED = 20261207

# family -> (gold label, author styles it is written in, rows per language)
FAMILIES = {
    "ack_note": ("APPLIED", ["thread_reply", "formal_letter", "casual_note", "ats_auto"], 45),
    "assessment": ("APPLIED", ["thread_reply", "formal_letter", "casual_note", "manager_note", "ats_auto"], 40),
    "interview_invite": ("INTERVIEW", ["thread_reply", "formal_letter", "casual_note", "manager_note", "ats_auto", "calendar_tool"], 60),
    "interview_schedule": ("INTERVIEW", ["thread_reply", "formal_letter", "casual_note", "ats_auto", "calendar_tool"], 55),
    "interview_technical": ("INTERVIEW", ["thread_reply", "formal_letter", "casual_note", "manager_note", "ats_auto", "calendar_tool"], 55),
    "offer_explicit": ("OFFER", ["thread_reply", "formal_letter", "casual_note", "manager_note", "ats_auto"], 35),
    "offer_implicit": ("OFFER", ["thread_reply", "formal_letter", "casual_note", "manager_note"], 40),
    "rejection_plain": ("REJECTION", ["thread_reply", "formal_letter", "casual_note", "ats_auto"], 40),
    "rejection_after_interview": ("REJECTION", ["thread_reply", "formal_letter", "casual_note", "manager_note"], 35),
    "offer_withdrawn": ("REJECTION", ["thread_reply", "formal_letter", "casual_note", "manager_note", "ats_auto"], 25),
    "job_alerts": ("OTHER", ["bulk_mail", "ats_auto"], 25),
    "prep_marketing": ("OTHER", ["bulk_mail", "calendar_tool", "casual_note"], 30),
    "cold_outreach": ("OTHER", ["casual_note", "thread_reply", "formal_letter"], 30),
    "personal": ("OTHER", ["thread_reply", "casual_note", "calendar_tool", "bulk_mail", "ats_auto"], 30),
}

# which earlier message a thread reply quotes
PREV_OF = {
    "ack_note": ["apply"], "assessment": ["apply", "after_call"], "interview_invite": ["apply"],
    "interview_schedule": ["avail"], "interview_technical": ["after_call", "avail"],
    "offer_explicit": ["after_final", "followup"], "offer_implicit": ["after_final", "followup"],
    "rejection_plain": ["followup", "apply"], "rejection_after_interview": ["after_call", "after_final", "followup"],
    "offer_withdrawn": ["signed"], "cold_outreach": ["outreach"], "personal": ["personal"],
}

EN_WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def slug(s):
    out = "".join(c for c in s.lower() if c.isalnum() and c.isascii())
    return out or "mail"


def ascii_fold(s):
    tr = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüçñß", "aaaaaaeeeeiiiiooooouuuucns")
    return s.lower().translate(tr)


class Ctx:
    """One email's made-up facts: people, company, role, dates."""

    def __init__(self, L, R):
        self.R = R
        self.L = L
        self.co_disp, self.co = R.choice(L.COMPANIES)
        self.role_disp, self.role = R.choice(L.ROLES)
        self.other_role = R.choice(L.ROLES)[1]
        self.cand_first, self.cand_last = R.choice(L.CANDIDATES)
        self.rf, self.rl = R.choice(L.FIRST), R.choice(L.LAST)
        self.mf, self.ml = R.choice(L.FIRST), R.choice(L.LAST)
        words = [w for w in ascii_fold(self.co).replace("&", " ").split() if w]
        self.dom = (slug(ascii_fold(self.co)) if R.random() < 0.6 or len(words) == 1 else slug(words[0])) + R.choice(L.TLDS)
        self.tz = R.choice(L.TZ)
        d = datetime.date(2025, 1, 1) + datetime.timedelta(days=R.randint(0, 360))
        self.sent = datetime.datetime(d.year, d.month, d.day, R.randint(7, 19), R.randint(0, 59))
        self.when = self.future(R.randint(1, 12))
        self.prev_sent = self.sent - datetime.timedelta(days=R.randint(1, 9), minutes=R.randint(5, 600))
        self.start = (self.sent + datetime.timedelta(days=R.randint(21, 75))).date()
        self.deadline = (self.sent + datetime.timedelta(days=R.randint(3, 8))).date()

    def future(self, days):
        d = self.sent.date() + datetime.timedelta(days=days)
        while d.weekday() > 4:
            d += datetime.timedelta(days=1)
        return datetime.datetime(d.year, d.month, d.day, self.R.choice([9, 10, 11, 13, 14, 15, 16, 17]), self.R.choice([0, 0, 30, 15, 45]))

    def date_header(self):
        s = self.sent
        return f"{EN_WD[s.weekday()]}, {s.day} {EN_MON[s.month - 1]} {s.year} {s.hour:02d}:{s.minute:02d}:{self.R.randint(0, 59):02d} {self.tz}"

    def slots(self):
        R, L = self.R, self.L
        base = R.randint(1, 5)
        ts = sorted({self.future(base + i * R.randint(0, 2)) for i in range(R.randint(2, 3))})
        bullet = R.choice(["- ", "• ", "* ", ""])
        return "\n".join(bullet + L.fmt_when(t, R) for t in ts)

    def fill(self, text):
        R, L = self.R, self.L
        return text.format(
            co=self.co_disp if R.random() < 0.3 else self.co, role=self.role_disp if R.random() < 0.4 else self.role,
            role_plain=self.role, other_role=self.other_role, cand=self.cand_first, cand_last=self.cand_last,
            rf=self.rf, rl=self.rl, mgr=f"{self.mf} {self.ml}", mf=self.mf,
            when=L.fmt_when(self.when, R), day=L.WEEKDAYS[self.when.weekday()], date=L.fmt_date(self.when.date(), R),
            time=L.fmt_time(self.when, R), slots=self.slots(), dur=R.choice([30, 45, 45, 60, 60, 90]),
            platform=R.choice(["Zoom", "Microsoft Teams", "Google Meet", "Teams", "Zoom", "Webex"]),
            link=R.choice([f"https://{slug(self.co)}.zoom.us/j/{R.randint(10**9, 10**10)}", f"https://meet.google.com/{slug(self.rf)[:3]}-{R.randint(1000, 9999)}-{slug(self.rl)[:3]}",
                           f"https://teams.microsoft.com/l/meetup-join/{R.randint(10**6, 10**7)}"]),
            salary=L.salary(R), start=L.fmt_date(self.start, R), deadline=L.fmt_date(self.deadline, R),
            n=R.choice([3, 5, 7, 10]), city=R.choice(L.CITIES), tool=R.choice(["HackerRank", "Codility", "CoderPad", "TestGorilla", "Qualified", "CodeSignal"]),
            coach=f"{R.choice(L.FIRST)} {R.choice(L.LAST)}", friend=R.choice(L.FIRST), ref=f"{R.choice(['', 'R', 'JR', 'REQ-'])}{R.randint(1000, 99999)}",
            co2=R.choice(L.COMPANIES)[1], dom=self.dom, role2=R.choice(L.ROLES)[1], role3=R.choice(L.ROLES)[1])


def pick(R, seq, k=1):
    if k == 1:
        return R.choice(seq)
    return R.sample(seq, min(k, len(seq)))


def join(*parts):
    return "\n\n".join(p.strip("\n") for p in parts if p and p.strip()).strip()


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def letter(L, greet, paras):
    """Greeting + paragraphs, each starting with a capital, except that in
    languages whose letters go on in lower case after "Sehr geehrte ...,"
    the first word after the greeting does when it is not a noun or a
    formal pronoun (L.LOWER_AFTER_GREETING lists such words)."""
    out = [cap(p) for p in paras if p]
    low = getattr(L, "LOWER_AFTER_GREETING", ())
    if greet and out and greet.rstrip().endswith(",") and out[0].split(" ", 1)[0] in low:
        out[0] = out[0][:1].lower() + out[0][1:]
    return [greet] + out if greet else out


def bank(L, fam, key):
    b = L.FAM[fam]
    if key in ("short", "long"):
        return b.get(key) or b.get("long" if key == "short" else "short")
    return b.get(key, [])


# ---------------------------------------------------------------- senders

def person_from(c, first, last):
    f, l = slug(ascii_fold(first)), slug(ascii_fold(last))
    return c.R.choice([f"{first} {last} <{f}.{l}@{c.dom}>", f"{first} {last} <{f[0]}{l}@{c.dom}>", f"\"{last}, {first}\" <{f}@{c.dom}>",
                       f"{first} {last} | {c.co} <{f}.{l}@{c.dom}>"])


def ats_from(c):
    R, co, s = c.R, c.co, slug(ascii_fold(c.co))
    return R.choice([f"{co} Recruiting <no-reply@greenhouse.io>", f"{co} <no-reply@hire.lever.co>", f"{co} <{s}@myworkday.com>",
                     f"{co} <noreply@smartrecruiters.com>", f"{co} Hiring <no-reply@ashbyhq.com>", f"{co} <notifications@teamtailor.com>"]
                    + [t.format(co=co, s=s, dom=c.dom) for t in c.L.ATS_SENDERS])


def mailbox_from(c):
    return c.R.choice([t.format(co=c.co, dom=c.dom) for t in c.L.MAILBOXES])


# ---------------------------------------------------------------- quoting

def quote(c, text):
    R, L = c.R, c.L
    p = c.prev_sent
    cand = f"{c.cand_first} {c.cand_last}"
    mail = f"{slug(ascii_fold(c.cand_first))}.{slug(ascii_fold(c.cand_last))}@{R.choice(['gmail.com', 'outlook.com', 'web.de', 'gmx.net', 'yahoo.com', 'proton.me', 'icloud.com'])}"
    if R.random() < 0.7:
        hdr = L.QUOTE_GMAIL.format(wd=L.WD_SHORT[p.weekday()], d=p.day, mon=L.MON_SHORT[p.month - 1], y=p.year,
                                   hh=p.hour, hh2=f"{p.hour:02d}", mm=f"{p.minute:02d}", h12=(p.hour - 1) % 12 + 1,
                                   ampm="AM" if p.hour < 12 else "PM", name=cand, email=mail)
        return hdr + "\n" + "\n".join(("> " + ln) if ln else ">" for ln in text.split("\n"))
    lab = L.ORIG
    return join(f"{lab[0]}\n{lab[1]} {cand} <{mail}>\n{lab[2]} {L.fmt_date(p.date(), R)} {p.hour:02d}:{p.minute:02d}\n{lab[3]} {c.rf} {c.rl}\n{lab[4]} {c.prev_subj}",
                text)


# ---------------------------------------------------------------- styles

def s_thread_reply(c, fam):
    R, L = c.R, c.L
    group = R.choice(PREV_OF[fam])
    c.prev_subj = c.fill(R.choice(L.PREV_SUBJ[group]))
    prev = c.fill(R.choice(L.PREV[group]))
    prev = join(prev, f"{c.cand_first}" if R.random() < 0.6 else f"{c.cand_first} {c.cand_last}")
    if fam in ("cold_outreach",):
        # a recruiter bumping his own unanswered message
        prev = c.fill(R.choice(L.PREV[group]))
    core = c.fill(R.choice(bank(L, fam, "short")))
    if R.random() < 0.3 and L.FAM[fam].get("extra"):
        core += " " + c.fill(R.choice(L.FAM[fam]["extra"]))
    greet = c.fill(R.choice(L.GREET_CASUAL)) if R.random() < 0.6 else ""
    if fam == "personal":
        sign = c.friend_name
    else:
        sign = c.fill(R.choice(L.SIGN_SHORT))
        if R.random() < 0.3:
            sign += "\n" + c.fill(R.choice(L.SENT_FROM))
    body = join(*letter(L, greet, [core]), sign, quote(c, prev))
    subj = R.choice(L.RE) + " " + c.prev_subj
    frm = {"personal": c.friend_from, "cold_outreach": c.agency_from}.get(fam) or person_from(c, c.rf, c.rl)
    return subj, frm, body


def s_formal_letter(c, fam):
    R, L = c.R, c.L
    subj = c.fill(R.choice(bank(L, fam, "subj")))
    greet = c.fill(R.choice(L.GREET_FORMAL))
    parts = []
    if fam not in ("cold_outreach",) and R.random() < 0.75:
        parts.append(c.fill(R.choice(L.OPEN_FORMAL)))
    longs = bank(L, fam, "long")
    parts += [c.fill(s) for s in R.sample(longs, min(len(longs), R.choice([1, 1, 2])))]
    ex = L.FAM[fam].get("extra", [])
    if ex and R.random() < 0.6:
        parts.append(c.fill(R.choice(ex)))
    if R.random() < 0.5:
        parts.append(c.fill(R.choice(L.CLOSE_FORMAL_LINE)))
    sig = c.fill(R.choice(L.SIGN_FORMAL))
    foot = c.fill(R.choice(L.LEGAL)) if R.random() < 0.35 else ""
    frm = person_from(c, c.rf, c.rl) if R.random() < 0.6 else mailbox_from(c)
    if fam == "cold_outreach":
        sig, foot, frm = c.agency_sign, "", c.agency_from
    return subj, frm, join(*letter(L, greet, parts), sig, foot)


def s_casual_note(c, fam):
    R, L = c.R, c.L
    subj = c.fill(R.choice(bank(L, fam, "subj_casual") or bank(L, fam, "subj")))
    core = c.fill(R.choice(bank(L, fam, "short")))
    parts = [core]
    ex = L.FAM[fam].get("extra", [])
    if ex and R.random() < 0.4:
        parts.append(c.fill(R.choice(ex)))
    parts = letter(L, c.fill(R.choice(L.GREET_CASUAL)), parts)
    if fam == "personal":
        return subj, c.friend_from, join(*parts, c.friend_name)
    if fam == "cold_outreach":
        return subj, c.agency_from, join(*parts, c.agency_sign)
    if fam == "prep_marketing":
        return subj, c.prep_from, join(*parts, c.prep_from.split(" <")[0])
    parts.append(c.fill(R.choice(L.SIGN_CASUAL)))
    return subj, person_from(c, c.rf, c.rl), join(*parts)


def s_manager_note(c, fam):
    R, L = c.R, c.L
    subj = c.fill(R.choice(bank(L, fam, "subj_casual") or bank(L, fam, "subj")))
    greet = c.fill(R.choice(L.GREET_CASUAL))
    parts = [c.fill(R.choice(L.MGR_INTRO)), c.fill(R.choice(bank(L, fam, "long")))]
    if R.random() < 0.5:
        parts.append(c.fill(R.choice(bank(L, fam, "short"))))
    return subj, person_from(c, c.mf, c.ml), join(*letter(L, greet, parts), c.fill(R.choice(L.SIGN_MGR)))


def s_ats_auto(c, fam):
    R, L = c.R, c.L
    subj = c.fill(R.choice(bank(L, fam, "subj_ats") or bank(L, fam, "subj")))
    greet = c.fill(R.choice(L.GREET_FORMAL + L.GREET_CASUAL)) if R.random() < 0.8 else ""
    parts = [c.fill(R.choice(bank(L, fam, "ats") or bank(L, fam, "long")))]
    ex = L.FAM[fam].get("extra", [])
    if ex and R.random() < 0.5:
        parts.append(c.fill(R.choice(ex)))
    parts = letter(L, greet, parts)
    if fam in ("job_alerts", "personal"):
        # a job board's or a shop's/bank's robot, not an employer's ATS
        frm = c.board_from if fam == "job_alerts" else c.service_from
        return subj, frm, join(*parts, frm.split(" <")[0], c.fill(R.choice(L.UNSUB)))
    parts.append(c.fill(R.choice(L.SIGN_TEAM)))
    parts += [c.fill(f) for f in R.sample(L.ATS_FOOTER, R.randint(1, 2))]
    frm = ats_from(c) if R.random() < 0.7 else mailbox_from(c)
    return subj, frm, join(*parts)


def s_calendar_tool(c, fam):
    R, L = c.R, c.L
    K = L.CAL
    tool = R.choice(["Calendly", "GoodTime", "ModernLoop", "Google Calendar", "Outlook", "Cal.com", "Zoom Scheduler"])
    title = c.fill(R.choice(L.FAM[fam]["cal_title"]))
    resched = fam == "interview_schedule" and R.random() < 0.5
    head = K["updated"] if resched else R.choice([K["invite"], K["confirmed"]])
    w = L.fmt_when(c.when, R)
    subj = f"{head}: {title} @ {w}" if R.random() < 0.5 else f"{head}: {title}"
    lines = [f"{K['title']}: {title}", f"{K['when']}: {w} (UTC{c.tz[:3]}:{c.tz[3:]})" if R.random() < 0.5 else f"{K['when']}: {w}",
             f"{K['dur']}: {R.choice([30, 45, 60])} min"]
    if fam == "personal":
        lines.append(f"{K['where']}: {c.fill(R.choice(L.PERSONAL_PLACES))}")
        who = c.friend_name
    elif fam == "prep_marketing":
        lines.append(f"{K['where']}: {c.fill('{link}')}")
        who = c.fill("{coach}")
    else:
        lines.append(f"{K['where']}: {c.fill('{platform}')} – {c.fill('{link}')}")
        who = f"{c.rf} {c.rl} ({c.co})"
    lines.append(f"{K['organizer']}: {who}")
    lines.append(f"{K['guests']}: {c.cand_first} {c.cand_last}")
    parts = []
    if resched:
        old = c.future(R.randint(0, 3))
        parts.append(K["moved"].format(old=L.fmt_when(old, R), new=w))
    else:
        parts.append(c.fill(R.choice(K["intro"])).format(who=who))
    parts.append("\n".join(lines))
    note = L.FAM[fam].get("cal_note")
    if note and R.random() < 0.6:
        parts.append(c.fill(R.choice(note)))
    parts.append(f"{K['changes']}\n{K['resched']}: https://{slug(tool)}.com/r/{R.randint(10**6, 10**7)}\n{K['cancel']}: https://{slug(tool)}.com/c/{R.randint(10**6, 10**7)}")
    parts.append(K["powered"].format(tool=tool))
    if fam == "personal":
        frm = c.service_from if R.random() < 0.6 else f"{tool} <notifications@{slug(tool)}.com>"
    elif fam == "prep_marketing":
        frm = c.prep_from if R.random() < 0.5 else f"{tool} <notifications@{slug(tool)}.com>"
    else:
        frm = R.choice([f"{tool} <notifications@{slug(tool)}.com>", f"{c.rf} {c.rl} via {tool} <notifications@{slug(tool)}.com>",
                        f"{c.co} Recruiting <scheduling@{c.dom}>"])
    return subj, frm, join(*parts)


def s_bulk_mail(c, fam):
    R, L = c.R, c.L
    subj = c.fill(R.choice(bank(L, fam, "subj")))
    parts = [cap(c.fill(R.choice(bank(L, fam, "long"))))]
    items = L.FAM[fam].get("items")
    if items:
        parts.append("\n".join(c.fill(it) for it in R.sample(items, min(len(items), R.randint(2, 4)))))
    ex = L.FAM[fam].get("extra", [])
    if ex:
        parts.append(c.fill(R.choice(ex)))
    parts.append(c.fill(R.choice(L.UNSUB)))
    frm = {"job_alerts": c.board_from, "prep_marketing": c.prep_from}.get(fam, c.service_from)
    return subj, frm, join(*parts)


STYLES = {"thread_reply": s_thread_reply, "formal_letter": s_formal_letter, "casual_note": s_casual_note,
          "manager_note": s_manager_note, "ats_auto": s_ats_auto, "calendar_tool": s_calendar_tool, "bulk_mail": s_bulk_mail}


def email(L, R, fam, style):
    c = Ctx(L, R)
    c.friend_name = R.choice(L.FIRST)
    c.friend_from = f"{c.friend_name} {R.choice(L.LAST)} <{slug(ascii_fold(c.friend_name))}{R.randint(1, 99)}@{R.choice(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'])}>"
    c.board_from = c.fill(R.choice(L.BOARDS))
    c.prep_from = c.fill(R.choice(L.PREP_SENDERS))
    c.service_from = c.fill(R.choice(L.SERVICES))
    ag = R.choice(L.AGENCIES)
    c.agency_sign = f"{c.rf} {c.rl}\n{ag}"
    c.agency_from = f"{c.rf} {c.rl} <{slug(ascii_fold(c.rf))}.{slug(ascii_fold(c.rl))}@{slug(ascii_fold(ag))}{R.choice(L.TLDS)}>"
    subj, frm, body = STYLES[style](c, fam)
    label = FAMILIES[fam][0]
    job = label != "OTHER"
    return {"subject": subj, "from": frm, "date": c.date_header(), "body": body, "label": label,
            "company": c.co if job else "", "role": c.role if job else "", "lang": L.CODE, "family": fam, "style": style}


def generate(L):
    """All rows of one language: every family in each of its styles, round-robin."""
    R = random.Random(f"{SEED}-{L.CODE}")
    rows = []
    for fam, (_label, styles, n) in FAMILIES.items():
        for i in range(n):
            rows.append(email(L, R, fam, styles[i % len(styles)]))
    return rows
