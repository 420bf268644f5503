#!/usr/bin/env python3
"""Writes the interview extraction set: data/extract/invites.jsonl.

Deterministic (fixed seed, no clock): the same script writes the same bytes.
Each row is one invitation email (subject, from, date, body, and sometimes the
"calendar" object ingest makes of a text/calendar part) with its gold values:
the instant in UTC ("utc", to the minute), "minutes", "link", "status"
("scheduled", "rescheduled", "cancelled") and, when several slots are
proposed, "candidates". Gold instants are computed here with Python's
zoneinfo (the system tz database), independently of the C extractor.

Coverage: seven languages (en, de, es, fr, pt, nl, it); zones stated as
generic names ("Eastern Time", "PT"), literal abbreviations (EST in winter,
CEST in summer), IANA names, UTC offsets, local names ("hora de España"), or
not at all (then the sender's zone, seen in the Date header's offset, is
meant); DST edges (Europe late March / late October, US March / November,
with the mail sent before the change); absolute, numeric and relative dates;
12/24-hour clocks, "14h30", "14.00 uur", "um 14 Uhr", ranges; one-line,
hard-wrapped and HTML-flattened layouts; Zoom, Meet, Teams, Webex, phone and
address; reschedules, cancellations, several proposed slots; calendar parts
whose instant must win over the text (which then names no time, or the
wrong zone).

Usage: tools/gen_extract_set.py [OUT]   (default data/extract/invites.jsonl)
"""
import datetime as dt
import json
import os
import random
import sys
import textwrap
from zoneinfo import ZoneInfo

SEED = 20261207
US_SENDER = True  # the row being made: an American sender writes m/d, everyone else d/m
R = random.Random(SEED)
UTC = dt.timezone.utc

# --------------------------------------------------------------------------- words

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
           "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
           "décembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
}
WEEKDAYS = {  # Monday first (Python's weekday())
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
}
TOMORROW = {"en": "tomorrow", "de": "morgen", "es": "mañana", "fr": "demain", "pt": "amanhã", "nl": "morgen",
            "it": "domani"}

# Sender zones per language, with the local names a recruiter might write.
ZONES = {
    "en": [("America/New_York", ["Eastern Time", "ET", "EST/EDT", "(US Eastern)", "America/New_York"]),
           ("America/Chicago", ["Central Time", "CT"]),
           ("America/Denver", ["Mountain Time", "MT"]),
           ("America/Los_Angeles", ["Pacific Time", "PT", "Pacific", "America/Los_Angeles"]),
           ("Europe/London", ["UK time", "London time", "Europe/London"]),
           ("Asia/Kolkata", ["IST", "India time"]),
           ("Australia/Sydney", ["Sydney time", "AEST/AEDT"]),
           ("Europe/Berlin", ["CET/CEST", "Central European Time", "Europe/Berlin"])],
    "de": [("Europe/Berlin", ["MEZ/MESZ", "deutscher Zeit", "Europe/Berlin", "CET/CEST"])],
    "es": [("Europe/Madrid", ["hora de España", "hora peninsular", "Europe/Madrid", "CET/CEST"]),
           ("America/Mexico_City", ["America/Mexico_City"])],
    "fr": [("Europe/Paris", ["heure de Paris", "Europe/Paris", "CET/CEST"])],
    "pt": [("Europe/Lisbon", ["hora de Lisboa", "Europe/Lisbon"]),
           ("America/Sao_Paulo", ["horário de Brasília", "America/Sao_Paulo", "BRT"])],
    "nl": [("Europe/Amsterdam", ["Nederlandse tijd", "Europe/Amsterdam", "CET/CEST"])],
    "it": [("Europe/Rome", ["ora italiana", "Europe/Rome", "CET/CEST"])],
}
# Literal abbreviations by (zone, is_dst): used only where they are true.
LITERAL = {("America/New_York", False): "EST", ("America/New_York", True): "EDT",
           ("America/Los_Angeles", False): "PST", ("America/Los_Angeles", True): "PDT",
           ("America/Chicago", False): "CST", ("America/Chicago", True): "CDT",
           ("America/Denver", False): "MST", ("America/Denver", True): "MDT",
           ("Europe/Berlin", False): "CET", ("Europe/Berlin", True): "CEST",
           ("Europe/London", True): "BST", ("Australia/Sydney", False): "AEST", ("Australia/Sydney", True): "AEDT"}

# DST edges (local dates): the interview falls just after a change, the mail is sent before it.
EDGES = {
    "europe": [dt.date(2026, 3, 30), dt.date(2026, 3, 31), dt.date(2026, 10, 26), dt.date(2026, 10, 27),
               dt.date(2027, 3, 29), dt.date(2026, 11, 2)],
    "us": [dt.date(2026, 3, 9), dt.date(2026, 3, 10), dt.date(2026, 11, 2), dt.date(2026, 11, 3), dt.date(2027, 3, 15)],
}

FIRST = ["Alex", "Sam", "Jordan", "Riley", "Maria", "Lukas", "Sofía", "Camille", "João", "Sanne", "Giulia", "Priya"]
COMPANIES = ["Harbor Logistics", "Larchmont", "Quill Analytics", "Bluefin Robotics", "Tessera Health", "Norrland Energie",
             "Vía Lumen", "Atelier Nuage", "Pinhal Digital", "Grachtwerk", "Ponte Dati", "Kestrel Labs"]


# --------------------------------------------------------------------------- links

def link_for(kind):
    n = R.randrange(10**9, 10**10)
    if kind == "zoom":
        host = R.choice(["zoom.us", "us02web.zoom.us", "us06web.zoom.us", "acme.zoom.us"])
        url = f"https://{host}/j/{n}" + (f"?pwd={R.randrange(10**8):08x}AbC" if R.random() < 0.5 else "")
    elif kind == "meet":
        a = "".join(R.choice("abcdefghijkmnopqrstuvwxyz") for _ in range(10))
        url = f"https://meet.google.com/{a[:3]}-{a[3:7]}-{a[7:]}"
    elif kind == "teams":
        url = (f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{n:x}%40thread.v2/0?context="
               f"%7b%22Tid%22%3a%22{R.randrange(16**8):08x}%22%7d")
    elif kind == "webex":
        url = f"https://{R.choice(['acme', 'meet', 'hr'])}.webex.com/meet/j.php?MTID=m{n:x}"
    elif kind == "phone":
        num = R.choice([("+1 (415) 555-01{:02d}", "+1415555 01{:02d}"), ("+49 30 1234 56{:02d}", ""),
                        ("+34 91 555 01 {:02d}", ""), ("+33 1 23 45 67 {:02d}", ""), ("+351 21 555 01{:02d}", ""),
                        ("+31 20 555 01{:02d}", ""), ("+39 02 5550 01{:02d}", "")])[0]
        shown = num.format(R.randrange(100))
        return shown, "tel:+" + "".join(c for c in shown if c.isdigit())
    else:  # address
        addr = R.choice(["500 Market Street, Floor 4, San Francisco, CA 94105", "Friedrichstraße 123, 10117 Berlin",
                         "Calle de Alcalá 45, 28014 Madrid", "12 rue de la Paix, 75002 Paris",
                         "Rua Augusta 100, 1100-053 Lisboa", "Herengracht 420, 1017 BZ Amsterdam",
                         "Via Torino 21, 20123 Milano", "10 Finsbury Square, London EC2A 1AF"])
        return addr, addr
    return url, url


LINK_LINES = {
    "en": {"video": ["Join the call: {u}", "Meeting link: {u}", "Here is the link to join: {u}", "Join Zoom Meeting\n{u}",
                     "Please use this link to join: <{u}>", "Video call: {u} (no dial-in needed)"],
           "phone": ["Our recruiter will call you at {u}.", "We will phone you on {u}.", "Dial-in: {u}"],
           "address": ["Address: {u}", "The interview takes place at our office.\nAddress: {u}",
                       "Please come to our office at {u}. Ask for the front desk."]},
    "de": {"video": ["Link zum Gespräch: {u}", "Hier der Einwahllink: {u}", "Teilnahme per Video: {u}"],
           "phone": ["Wir rufen Sie unter {u} an.", "Telefon: {u}"],
           "address": ["Adresse: {u}", "Das Gespräch findet in unserem Büro statt.\nAdresse: {u}"]},
    "es": {"video": ["Enlace de la videollamada: {u}", "Puedes unirte aquí: {u}"],
           "phone": ["Te llamaremos al teléfono {u}."],
           "address": ["Dirección: {u}", "La entrevista será presencial.\nDirección: {u}"]},
    "fr": {"video": ["Lien de la visioconférence : {u}", "Rejoindre la réunion : {u}"],
           "phone": ["Nous vous appellerons au {u}."],
           "address": ["Adresse : {u}"]},
    "pt": {"video": ["Link da reunião: {u}", "Entre por aqui: {u}"],
           "phone": ["Vamos ligar para o telefone {u}."],
           "address": ["Endereço: {u}"]},
    "nl": {"video": ["Link voor het gesprek: {u}", "Deelnemen via: {u}"],
           "phone": ["We bellen je op {u}."],
           "address": ["Adres: {u}"]},
    "it": {"video": ["Link per il colloquio: {u}", "Partecipa qui: {u}"],
           "phone": ["La chiameremo al telefono {u}."],
           "address": ["Indirizzo: {u}"]},
}

# --------------------------------------------------------------------------- dates and times

def fmt_date(lang, d, style, year):
    M = MONTHS[lang][d.month - 1]
    W = WEEKDAYS[lang][d.weekday()]
    y = f" {d.year}" if year else ""
    if lang == "en":
        return R.choice({
            "long": [f"{W}, {M} {d.day}" + (f", {d.year}" if year else ""), f"{M} {d.day}" + (f", {d.year}" if year else ""),
                     f"{W} {d.day} {M}{y}", f"{W[:3]}, {M[:3]} {d.day}" + (f", {d.year}" if year else "")],
            "numeric": ([f"{d.month}/{d.day}/{d.year}" if year else f"{d.month}/{d.day}"] if US_SENDER else
                        [f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}"]) + [d.isoformat()],
        }[style])
    if lang == "de":
        return R.choice({"long": [f"{W}, den {d.day}. {M}{y}", f"{W}, {d.day}. {M}{y}", f"{d.day}. {M}{y}"],
                         "numeric": [f"{d.day:02d}.{d.month:02d}.{d.year}", f"{W}, {d.day:02d}.{d.month:02d}.{d.year}"]}[style])
    if lang == "es":
        return R.choice({"long": [f"el {W} {d.day} de {M}" + (f" de {d.year}" if year else ""), f"el {d.day} de {M}"],
                         "numeric": [f"el {d.day:02d}/{d.month:02d}/{d.year}"]}[style])
    if lang == "fr":
        return R.choice({"long": [f"le {W} {d.day} {M}{y}", f"le {d.day} {M}{y}"],
                         "numeric": [f"le {d.day:02d}/{d.month:02d}/{d.year}"]}[style])
    if lang == "pt":
        return R.choice({"long": [f"{W}, {d.day} de {M}" + (f" de {d.year}" if year else ""), f"dia {d.day} de {M}"],
                         "numeric": [f"{d.day:02d}/{d.month:02d}/{d.year}"]}[style])
    if lang == "nl":
        return R.choice({"long": [f"{W} {d.day} {M}{y}", f"{d.day} {M}{y}"],
                         "numeric": [f"{d.day}-{d.month}-{d.year}" if False else f"{W} {d.day} {M}"]}[style])
    return R.choice({"long": [f"{W} {d.day} {M}{y}", f"il {d.day} {M}{y}"],
                     "numeric": [f"{d.day:02d}/{d.month:02d}/{d.year}"]}[style])


def fmt_time(lang, h, m):
    if lang == "en":
        h12 = h % 12 or 12
        ap = "AM" if h < 12 else "PM"
        return R.choice([f"{h12}:{m:02d} {ap}", f"{h12}:{m:02d}{ap.lower()}",
                         f"{h12}{ap.lower()}" if m == 0 else f"{h12}:{m:02d} {ap.lower()}",
                         f"{h:02d}:{m:02d}", f"{h12}:{m:02d} {ap[0].lower()}.m."])
    if lang == "de":
        return R.choice([f"um {h}:{m:02d} Uhr", f"um {h:02d}:{m:02d}", f"um {h}.{m:02d} Uhr"] +
                        ([f"um {h} Uhr"] if m == 0 else []))
    if lang == "es":
        return R.choice([f"a las {h}:{m:02d}", f"a las {h:02d}:{m:02d} h"] + ([f"a las {h}"] if m == 0 and h >= 8 else []))
    if lang == "fr":
        return R.choice([f"à {h}h{m:02d}", f"à {h}h" if m == 0 else f"à {h}h{m:02d}", f"à {h}:{m:02d}"])
    if lang == "pt":
        return R.choice([f"às {h}h{m:02d}" if m else f"às {h}h", f"às {h}:{m:02d}"])
    if lang == "nl":
        return R.choice([f"om {h}.{m:02d} uur", f"om {h:02d}:{m:02d}", f"om {h}:{m:02d} uur"])
    return R.choice([f"alle {h}:{m:02d}", f"alle ore {h}:{m:02d}", f"alle {h}.{m:02d}"] + ([f"alle {h}"] if m == 0 and h >= 8 else []))


def fmt_range(lang, h, m, minutes):
    e = dt.datetime(2000, 1, 1, h, m) + dt.timedelta(minutes=minutes)
    eh, em = e.hour, e.minute
    if lang == "en":
        h12, e12 = h % 12 or 12, eh % 12 or 12
        ap, eap = ("AM" if h < 12 else "PM"), ("AM" if eh < 12 else "PM")
        if ap == eap and R.random() < 0.5:
            return R.choice([f"{h12}:{m:02d} - {e12}:{em:02d} {eap}", f"from {h12}:{m:02d} to {e12}:{em:02d} {eap}"])
        return R.choice([f"{h12}:{m:02d} {ap} - {e12}:{em:02d} {eap}", f"{h12}:{m:02d}{ap.lower()}–{e12}:{em:02d}{eap.lower()}",
                         f"{h:02d}:{m:02d}-{eh:02d}:{em:02d}"])
    return {"de": f"von {h}:{m:02d} bis {eh}:{em:02d} Uhr", "es": f"de {h}:{m:02d} a {eh}:{em:02d}",
            "fr": f"de {h}h{m:02d} à {eh}h{em:02d}", "pt": f"das {h}h{m:02d} às {eh}h{em:02d}",
            "nl": f"van {h}.{m:02d} tot {eh}.{em:02d} uur", "it": f"dalle {h}:{m:02d} alle {eh}:{em:02d}"}[lang]


DURATION = {"en": ["The interview will take {n} minutes.", "Plan for about {n} minutes.", "It's a {n}-minute conversation."],
            "de": ["Das Gespräch dauert ca. {n} Minuten.", "Planen Sie bitte {n} Minuten ein."],
            "es": ["La entrevista durará unos {n} minutos."],
            "fr": ["L'entretien durera environ {n} minutes."],
            "pt": ["A entrevista terá duração de {n} minutos."],
            "nl": ["Het gesprek duurt ongeveer {n} minuten."],
            "it": ["Il colloquio durerà circa {n} minuti."]}

INVITE = {
    "en": ["We'd like to invite you to an interview for the {role} role on {when}.",
           "Are you available on {when} for a video interview?",
           "Your interview with {co} is confirmed for {when}.",
           "Following up on your application: the team would like to meet you on {when}."],
    "de": ["Wir möchten Sie gerne am {when} zu einem Vorstellungsgespräch einladen.",
           "Ihr Gespräch mit {co} findet am {when} statt."],
    "es": ["Nos gustaría invitarte a una entrevista {when}.", "Tu entrevista con {co} será {when}."],
    "fr": ["Nous aimerions vous proposer un entretien {when}.", "Votre entretien avec {co} aura lieu {when}."],
    "pt": ["Gostaríamos de convidar você para uma entrevista na {when}.", "Sua entrevista com a {co} será na {when}."],
    "nl": ["We nodigen je graag uit voor een gesprek op {when}.", "Je gesprek met {co} staat gepland op {when}."],
    "it": ["Vorremmo invitarla a un colloquio {when}.", "Il suo colloquio con {co} è fissato per {when}."],
}
SUBJECT = {"en": "Interview invitation: {role} at {co}", "de": "Einladung zum Vorstellungsgespräch - {co}",
           "es": "Invitación a entrevista - {co}", "fr": "Invitation à un entretien - {co}",
           "pt": "Convite para entrevista - {co}", "nl": "Uitnodiging sollicitatiegesprek - {co}",
           "it": "Invito a colloquio - {co}"}
GREET = {"en": "Hi {n},", "de": "Hallo {n},", "es": "Hola {n}:", "fr": "Bonjour {n},", "pt": "Olá {n},",
         "nl": "Hoi {n},", "it": "Gentile {n},"}
SIGN = {"en": "Best regards,", "de": "Viele Grüße", "es": "Un saludo,", "fr": "Cordialement,", "pt": "Atenciosamente,",
        "nl": "Met vriendelijke groet,", "it": "Cordiali saluti,"}


def rfc5322(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S %z")


def utc_iso(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def when_phrase(lang, d, h, m, zone_txt, rng_minutes, style, year):
    dp = fmt_date(lang, d, style, year)
    tp = fmt_range(lang, h, m, rng_minutes) if rng_minutes else fmt_time(lang, h, m)
    if lang == "en":
        tp = tp if tp.startswith("from") else "at " + tp if R.random() < 0.7 else tp
        dp_on = dp
        s = f"{dp_on} {tp}" if not dp[0].isdigit() or "-" in dp else f"{dp_on}, {tp}"
    elif lang == "de":
        s = f"{dp} {tp}" if not rng_minutes else f"{dp} {tp}"
    elif lang in ("es", "fr", "it"):
        s = f"{dp}, {tp}" if R.random() < 0.3 else f"{dp} {tp}"
    elif lang == "pt":
        s = f"{dp} {tp}"
    else:
        s = f"{dp} {tp}"
    if zone_txt:
        s += R.choice([f" ({zone_txt})", f" {zone_txt}"]) if zone_txt[0] != "(" else f" {zone_txt}"
    return s


def zone_text(lang, iana, local):
    """A way to state the zone, true for that local time; None = not stated."""
    opts = [n for z, names in ZONES[lang] if z == iana for n in names]
    dst = bool(local.dst())
    r = R.random()
    if r < 0.25:
        return None
    if r < 0.4 and (iana, dst) in LITERAL:
        return LITERAL[(iana, dst)]
    if r < 0.5:
        off = local.utcoffset()
        mins = int(off.total_seconds() // 60)
        sign = "+" if mins >= 0 else "-"
        mins = abs(mins)
        return f"UTC{sign}{mins // 60}" + (f":{mins % 60:02d}" if mins % 60 else "")
    name = R.choice(opts)
    if "/" in name and name.count("/") == 1 and name.split("/")[0] in ("EST", "CET", "MEZ", "AEST"):
        a, b = name.split("/")
        return b if dst else a
    return name


def wrap(body):
    out = []
    for para in body.split("\n\n"):
        lines = para.split("\n")
        if any(len(ln) > 78 for ln in lines) and not any("http" in ln for ln in lines):
            out.append(textwrap.fill(" ".join(lines), width=R.choice([60, 66, 72]), break_long_words=False,
                                     break_on_hyphens=False))
        else:
            out.append(para)
    return "\n\n".join(out)


def table_layout(lang, d, h, m, minutes, zone_txt):
    """An HTML invitation as ingest flattens it: one cell per line."""
    lab = {"en": ("Date", "Time", "Duration", "Time zone"), "de": ("Datum", "Uhrzeit", "Dauer", "Zeitzone"),
           "es": ("Fecha", "Hora", "Duración", "Zona horaria"), "fr": ("Date", "Heure", "Durée", "Fuseau horaire"),
           "pt": ("Data", "Hora", "Duração", "Fuso horário"), "nl": ("Datum", "Tijd", "Duur", "Tijdzone"),
           "it": ("Data", "Ora", "Durata", "Fuso orario")}[lang]
    mins_word = {"en": "minutes", "de": "Minuten", "es": "minutos", "fr": "minutes", "pt": "minutos", "nl": "minuten",
                 "it": "minuti"}[lang]
    t = f"{h:02d}:{m:02d}" if lang != "en" else f"{h % 12 or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"
    rows = [lab[0], fmt_date(lang, d, "long", True).replace("le ", "").replace("el ", "").replace("il ", ""), lab[1], t]
    if minutes:
        rows += [lab[2], f"{minutes} {mins_word}"]
    if zone_txt:
        rows += [lab[3], zone_txt.strip("()")]
    return "\n".join(rows)


# --------------------------------------------------------------------------- rows

def pick_date(sent_local, days):
    d = (sent_local + dt.timedelta(days=days)).date()
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def base(i, lang):
    iana, _ = R.choice(ZONES[lang])
    return iana


def make_row(i, kind):
    global US_SENDER
    lang = kind.get("lang") or R.choice(["en"] * 6 + ["de", "es", "fr", "pt", "nl", "it"] * 2)
    iana = kind.get("zone") or base(i, lang)
    US_SENDER = iana.startswith("America/")
    table_written = False
    tz = ZoneInfo(iana)
    if "date" in kind:
        d = kind["date"]
        sent = dt.datetime.combine(d - dt.timedelta(days=kind.get("lead", R.randint(5, 12))), dt.time(9, R.randrange(60)), tz)
    else:
        sent = dt.datetime(2026, R.randint(1, 12), R.randint(1, 28), R.randint(7, 18), R.randrange(60), tzinfo=tz)
        d = pick_date(sent, R.randint(2, 20))
    h, m = R.choice([(9, 0), (9, 30), (10, 0), (10, 30), (11, 0), (13, 0), (14, 0), (14, 30), (15, 0), (16, 0), (16, 15),
                     (8, 45), (17, 0), (12, 0)])
    local = dt.datetime.combine(d, dt.time(h, m), tz)
    minutes = R.choice([None, 30, 45, 60, 90]) if not kind.get("minutes") else kind["minutes"]
    use_range = minutes and R.random() < 0.45
    zone_txt = zone_text(lang, iana, local) if not kind.get("no_zone") else None
    linkkind = kind.get("link") or R.choice(["zoom", "zoom", "meet", "meet", "teams", "teams", "webex", "phone", "address"])
    shown, gold_link = link_for(linkkind)
    lkind = "video" if linkkind in ("zoom", "meet", "teams", "webex") else linkkind
    co = R.choice(COMPANIES)
    role = R.choice(["Data Engineer", "Site Reliability Engineer", "Product Manager", "Backend Developer", "UX Designer"])
    name = R.choice(FIRST)
    year = R.random() < 0.5
    style = kind.get("style") or R.choice(["long", "long", "long", "numeric"])
    relative = kind.get("relative")
    if relative:
        sent, d, phrase_date = relative_date(lang, tz, h, m)
        local = dt.datetime.combine(d, dt.time(h, m), tz)
        zone_txt = zone_text(lang, iana, local)
        tp = fmt_range(lang, h, m, minutes) if use_range else fmt_time(lang, h, m)
        when = f"{phrase_date} {'at ' if lang == 'en' and tp[0].isdigit() else ''}{tp}" + (f" ({zone_txt})" if zone_txt else "")
    else:
        when = when_phrase(lang, d, h, m, zone_txt, minutes if use_range else 0, style, year)
    if kind.get("calendar"):  # the part must win: the text names no time, or a wrong zone
        if R.random() < 0.5:
            when = {"en": "the time in the attached invitation", "de": "dem Termin in der angehängten Einladung",
                    "es": "en la fecha de la invitación adjunta", "fr": "à la date de l'invitation jointe",
                    "pt": "data do convite anexo", "nl": "het tijdstip in de bijgevoegde uitnodiging",
                    "it": "nella data dell'invito allegato"}[lang]
        else:
            when = when_phrase(lang, d, h, m, "UTC", 0, style, year)
        use_range = False
    body = [GREET[lang].format(n=name)]
    layout = kind.get("layout") or R.choice(["line", "line", "wrapped", "wrapped", "table"])
    status = "scheduled"
    candidates = None
    if kind.get("cands") and lang == "en":
        d2 = pick_date(dt.datetime.combine(d, dt.time(9), tz), 1)
        h2 = R.choice([10, 13, 15])
        if dt.datetime.combine(d2, dt.time(h2, 0), tz).utcoffset() != local.utcoffset():
            d2, h2 = d, h2 + 2  # a stated offset holds on one side of a DST change only
        l2 = dt.datetime.combine(d2, dt.time(h2, 0), tz)
        w2 = when_phrase(lang, d2, h2, 0, zone_txt, 0, "long", False)
        body.append(f"Thanks for your interest in {co}. We'd like to schedule a {minutes or 45}-minute interview. "
                    f"Would one of these slots work for you?\n\n- Option 1: {when}\n- Option 2: {w2}")
        candidates = [utc_iso(local), utc_iso(l2)]
        minutes = minutes or 45
        use_range = False
    elif kind.get("resched"):
        old_d = d - dt.timedelta(days=R.randint(1, 3))
        old = when_phrase(lang, old_d, (h + 3) % 24 if h < 20 else 9, 0, zone_txt, 0, "long", False)
        status = "rescheduled"
        body.append({
            "en": R.choice([f"Our hiring manager had a conflict, so your interview on {old} has been moved to {when}.",
                            f"We need to reschedule. The new time is {when} (instead of {old}).",
                            f"Quick update: we've rescheduled your interview to {when}."]),
            "de": f"Leider müssen wir den Termin verschieben. Ihr Gespräch wurde auf {when} verschoben.",
            "es": f"Hemos tenido que cambiar la fecha: tu entrevista ha sido reprogramada para {when}.",
            "fr": f"Nous devons décaler notre rendez-vous : votre entretien est reporté au {when}.".replace("au le ", "au "),
            "pt": f"Precisamos remarcar: sua entrevista foi remarcada para {when}.".replace("para na ", "para "),
            "nl": f"Helaas moeten we het gesprek verplaatsen. Het is verplaatst naar {when}.",
            "it": f"Purtroppo dobbiamo spostare il colloquio: è stato spostato a {when}.",
        }[lang])
    elif kind.get("cancel"):
        status = "cancelled"
        body.append({
            "en": f"I'm sorry to let you know that your interview on {when} has been cancelled, as the position was put on hold.",
            "de": f"Leider müssen wir Ihnen mitteilen, dass das Gespräch am {when} abgesagt wurde.",
            "es": f"Lamentamos informarte de que la entrevista {when} ha sido cancelada.",
            "fr": f"Nous sommes au regret de vous informer que l'entretien {when} est annulé.",
            "pt": f"Infelizmente a entrevista na {when} foi cancelada.",
            "nl": f"Helaas is het gesprek op {when} geannuleerd.",
            "it": f"Siamo spiacenti, il colloquio {when} è stato cancellato.",
        }[lang])
    elif layout == "table" and not relative:
        intro = {"en": f"Your interview with {co} is confirmed. Details below.", "de": f"Ihr Gespräch mit {co} ist bestätigt.",
                 "es": f"Tu entrevista con {co} está confirmada.", "fr": f"Votre entretien avec {co} est confirmé.",
                 "pt": f"Sua entrevista com a {co} está confirmada.", "nl": f"Je gesprek met {co} is bevestigd.",
                 "it": f"Il suo colloquio con {co} è confermato."}[lang]
        body.append(intro + "\n\n" + table_layout(lang, d, h, m, minutes, zone_txt))
        use_range = False
        table_written = True
    else:
        body.append(R.choice(INVITE[lang]).format(when=when, co=co, role=role).replace("na el ", "na ")
                    .replace("na le ", "na ").replace("na dia", "no dia").replace("am den ", "am ").replace("am Montag, den", "am Montag,"))
    if minutes and not use_range and not table_written and not candidates:
        body.append(R.choice(DURATION[lang]).format(n=minutes))
    elif candidates:
        pass
    body.append(R.choice(LINK_LINES[lang][lkind]).format(u=shown))
    body.append(SIGN[lang] + "\n" + R.choice(["Dana", "Kim", "Noor", "Pat"]) + f"\n{co}")
    text = "\n\n".join(body)
    if layout == "wrapped":
        text = wrap(text)
    row = {"id": f"x{i:03d}", "lang": lang, "tags": sorted(k for k, v in kind.items() if v is True) + [layout],
           "subject": SUBJECT[lang].format(co=co, role=role), "from": f"Dana <talent@{co.split()[0].lower()}.example>",
           "date": rfc5322(sent), "body": text, "calendar": None,
           "gold": {"utc": utc_iso(local), "minutes": minutes, "link": gold_link, "status": status}}
    if candidates:
        row["gold"]["candidates"] = candidates
    if kind.get("calendar"):
        add_calendar(row, local, minutes or 60, gold_link if lkind == "video" else None, status)
    return row


def relative_date(lang, tz, h, m):
    """(sent, date, phrase) for "tomorrow", "next Tuesday" (English: the
    following week's when that day is still ahead this week; other languages:
    the coming one) and "Thursday the 10th"."""
    sent = dt.datetime(2026, R.randint(1, 12), R.randint(1, 26), R.randint(8, 17), R.randrange(60), tzinfo=tz)
    while sent.weekday() >= 4:
        sent += dt.timedelta(days=1)
    form = R.choice(["tomorrow", "next", "next", "dom"] if lang == "en" else ["tomorrow", "next"])
    if form == "tomorrow":
        return sent, (sent + dt.timedelta(days=1)).date(), TOMORROW[lang]
    wd = R.randint(0, 4)
    add = (wd - sent.weekday()) % 7 or 7
    if form == "next":
        if lang == "en":
            if add + sent.weekday() <= 6:
                add += 7
            return sent, (sent + dt.timedelta(days=add)).date(), "next " + WEEKDAYS["en"][wd]
        W = WEEKDAYS[lang][wd]
        phrase = {"de": f"nächsten {W}", "es": f"el próximo {W}", "fr": f"{W} prochain", "pt": f"na próxima {W}",
                  "nl": f"volgende {W}", "it": f"{W} prossimo"}[lang]
        return sent, (sent + dt.timedelta(days=add)).date(), phrase
    d = (sent + dt.timedelta(days=add)).date()
    suf = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return sent, d, f"{WEEKDAYS['en'][d.weekday()]} the {d.day}{suf}"


def add_calendar(row, local, minutes, url, status):
    """The "calendar" object ingest makes of a text/calendar part. The text
    is then made to disagree (a wrong zone), so only the part is right."""
    row["calendar"] = {"method": "CANCEL" if status == "cancelled" else "REQUEST", "summary": row["subject"],
                       "dtstart": local.strftime("%Y-%m-%dT%H:%M:%S"), "dtstart_tzid": str(local.tzinfo),
                       "start_utc": utc_iso(local), "tzid": str(local.tzinfo), "duration_min": minutes,
                       "sequence": 1 if status == "rescheduled" else 0,
                       "status": "CANCELLED" if status == "cancelled" else "CONFIRMED", "location": url or "",
                       "url": url, "description": None}
    row["gold"]["minutes"] = minutes
    row["tags"].append("calendar")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "extract",
                                                             "invites.jsonl")
    kinds = []
    for lang in ["en"] * 40 + ["de", "es", "fr", "pt", "nl", "it"] * 8:
        kinds.append({"lang": lang})
    for lang in ["en"] * 8 + ["de", "es", "fr", "pt", "nl", "it"] * 2:
        kinds.append({"lang": lang, "relative": True})
    for lang, zone, edge in [("en", "America/New_York", "us"), ("en", "America/Los_Angeles", "us"),
                             ("en", "America/Chicago", "us"), ("en", "Europe/London", "europe"),
                             ("en", "Europe/Berlin", "europe"), ("de", "Europe/Berlin", "europe"),
                             ("fr", "Europe/Paris", "europe"), ("es", "Europe/Madrid", "europe"),
                             ("nl", "Europe/Amsterdam", "europe"), ("it", "Europe/Rome", "europe"),
                             ("pt", "Europe/Lisbon", "europe")]:
        for d in R.sample(EDGES[edge], 3):
            kinds.append({"lang": lang, "zone": zone, "date": d, "dst_edge": True, "lead": R.randint(4, 9)})
    for lang in ["en"] * 6 + ["de", "es", "fr", "pt", "nl", "it"]:
        kinds.append({"lang": lang, "resched": True})
    for lang in ["en"] * 4 + ["de", "es", "fr", "pt", "nl", "it"]:
        kinds.append({"lang": lang, "cancel": True})
    for _ in range(8):
        kinds.append({"lang": "en", "cands": True})
    for lang in ["en"] * 6 + ["de", "es", "fr", "nl"]:
        kinds.append({"lang": lang, "calendar": True, "link": R.choice(["zoom", "meet", "teams"])})
    kinds.append({"lang": "en", "calendar": True, "resched": True, "link": "teams"})
    kinds.append({"lang": "en", "calendar": True, "cancel": True, "link": "zoom"})
    rows = [make_row(i, k) for i, k in enumerate(kinds)]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"wrote {len(rows)} rows to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
