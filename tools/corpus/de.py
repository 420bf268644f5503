"""Deutsche Textbausteine für tools/corpus/engine.py (Sie-Form in Briefen und
ATS-Mails, Du-Form bei Start-ups und in kurzen Antworten; Stellentitel mit
"(m/w/d)"). Für CareerOps geschrieben, aus keinem Postfach übernommen."""
CODE = "de"

COMPANIES = [("Bergmann Logistik GmbH", "Bergmann Logistik"), ("Nordlicht Software GmbH", "Nordlicht Software"),
             ("Stadtwerke Lindenau", "Stadtwerke Lindenau"), ("Kranich Versicherung AG", "Kranich Versicherung"),
             ("Hafenkontor Digital", "Hafenkontor Digital"), ("Alpenblick Medizintechnik GmbH", "Alpenblick Medizintechnik"),
             ("Weissdorn Analytics", "Weissdorn Analytics"), ("Fuchs & Lehmann Beratung", "Fuchs & Lehmann Beratung"),
             ("Rheinfeld Bank", "Rheinfeld Bank"), ("Zugspitz Mobility GmbH", "Zugspitz Mobility"), ("Mühlbach Lebensmittel", "Mühlbach Lebensmittel"),
             ("Isarwerk Energie AG", "Isarwerk Energie"), ("Kieselstein Games", "Kieselstein Games"), ("Grünwald Pharma GmbH", "Grünwald Pharma"),
             ("Elbufer Immobilien", "Elbufer Immobilien"), ("Taunus Cloud GmbH", "Taunus Cloud"), ("Brandt Maschinenbau", "Brandt Maschinenbau")]
ROLES = [("Softwareentwickler Backend (m/w/d)", "Softwareentwickler Backend"), ("Data Analyst (m/w/d)", "Data Analyst"),
         ("Projektmanagerin (m/w/d)", "Projektmanagerin"), ("Werkstudent Marketing (m/w/d)", "Werkstudent Marketing"),
         ("Controller (m/w/d)", "Controller"), ("IT-Systemadministrator (m/w/d)", "IT-Systemadministrator"),
         ("Personalreferent (m/w/d)", "Personalreferent"), ("Frontend-Entwicklerin (w/m/d)", "Frontend-Entwicklerin"),
         ("Vertriebsmitarbeiter im Außendienst (m/w/d)", "Vertriebsmitarbeiter im Außendienst"), ("Data Engineer (all genders)", "Data Engineer"),
         ("Produktmanager (m/w/d)", "Produktmanager"), ("Buchhalter (m/w/d)", "Buchhalter"), ("UX Designer (m/w/d)", "UX Designer"),
         ("Ingenieur Qualitätssicherung (m/w/d)", "Ingenieur Qualitätssicherung"), ("Teamleitung Kundenservice (m/w/d)", "Teamleitung Kundenservice")]
CANDIDATES = [("Jonas", "Becker"), ("Lea", "Hoffmann"), ("Felix", "Wagner"), ("Sarah", "Krüger"), ("Tobias", "Schulz"), ("Miriam", "Yilmaz")]
FIRST = ["Katrin", "Stefan", "Julia", "Matthias", "Anna", "Florian", "Sabine", "Lukas", "Nele", "Thomas", "Birgit", "Can", "Laura", "Jens"]
LAST = ["Meier", "Schneider", "Fischer", "Weber", "Wolf", "Neumann", "Zimmermann", "Braun", "Hartmann", "Lange", "Koch", "Demir"]
TLDS = [".de", ".de", ".com", ".at", ".ch"]
TZ = ["+0100", "+0200"]
CITIES = ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Leipzig", "Wien", "Zürich", "Stuttgart", "Remote"]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
WD_SHORT = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
MON_SHORT = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def fmt_time(dt, R):
    return R.choice([f"{dt.hour:02d}:{dt.minute:02d} Uhr", f"{dt.hour}:{dt.minute:02d} Uhr", f"{dt.hour}.{dt.minute:02d} Uhr",
                     f"{dt.hour} Uhr" if dt.minute == 0 else f"{dt.hour}:{dt.minute:02d}"])


def fmt_date(d, R):
    return R.choice([f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day}. {MONTHS[d.month - 1]}", f"{WD_SHORT[d.weekday()]}, {d.day:02d}.{d.month:02d}.",
                     f"{WEEKDAYS[d.weekday()]}, den {d.day}. {MONTHS[d.month - 1]}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"{WEEKDAYS[dt.weekday()]}, {dt.day}. {MONTHS[dt.month - 1]}, um {t}", f"{WD_SHORT[dt.weekday()]} {dt.day:02d}.{dt.month:02d}. um {t}",
                     f"{dt.day:02d}.{dt.month:02d}.{dt.year}, {t}", f"{WEEKDAYS[dt.weekday()]} um {t}", f"{dt.day}.{dt.month}. ab {t}"])


def salary(R):
    return R.choice([f"{R.randint(48, 95)}.000 € brutto im Jahr", f"{R.randint(52, 110)} T€ p. a.", f"EUR {R.randint(4, 8)}.{R.choice(['000', '250', '500'])} brutto monatlich"])


QUOTE_GMAIL = "Am {wd}, {d}. {mon} {y} um {hh2}:{mm} Uhr schrieb {name} <{email}>:"
ORIG = ["-----Ursprüngliche Nachricht-----", "Von:", "Gesendet:", "An:", "Betreff:"]
RE = ["AW:", "AW:", "Re:", "WG: AW:"]

PREV_SUBJ = {
    "apply": ["Bewerbung als {role}", "Bewerbung – {role} (Ref. {ref})", "Initiativbewerbung", "Ihre Stellenanzeige: {role}"],
    "after_call": ["Vielen Dank für das Gespräch", "Unser Telefonat heute", "Rückfrage nach dem Gespräch"],
    "avail": ["Terminvorschläge", "Termin für das Vorstellungsgespräch", "Verfügbarkeit nächste Woche"],
    "followup": ["Nachfrage zum Stand meiner Bewerbung", "Stand der Bewerbung – {role}", "Kurze Nachfrage"],
    "after_final": ["Danke für das zweite Gespräch", "Rückmeldung nach dem Probearbeitstag", "Finales Gespräch"],
    "signed": ["Unterschriebener Arbeitsvertrag", "Vertrag zurück", "Unterlagen für den Start"],
    "outreach": ["Spannende Position als {other_role}", "Ihr XING-Profil", "Kurze Frage"],
    "personal": ["Grillen am Samstag?", "Fotos vom Wochenende", "Omas Geburtstag", "Nachbarschaftsfest"],
}
PREV = {
    "apply": ["Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich um die ausgeschriebene Stelle als {role}. Meine Unterlagen finden Sie im Anhang.",
              "Hallo {rf},\n\nwie telefonisch besprochen schicke ich Ihnen anbei meinen Lebenslauf und meine Zeugnisse.",
              "Guten Tag,\n\nauf Ihre Anzeige bei StepStone hin sende ich Ihnen meine Bewerbungsunterlagen für die Position {role}."],
    "after_call": ["Hallo {rf},\n\nvielen Dank für das angenehme Gespräch heute. Ich habe einen sehr guten Eindruck vom Team gewonnen.",
                   "Danke nochmal für Ihre Zeit heute Vormittag – bei Fragen melden Sie sich gern."],
    "avail": ["Hallo {rf},\n\ndanke für die Rückmeldung! Ich kann Dienstag ab 14 Uhr oder Donnerstag ganztägig.",
              "Gerne, folgende Termine würden bei mir passen:\n{slots}", "Nächste Woche bin ich flexibel, nur Montagvormittag geht nicht."],
    "follow": [],
    "followup": ["Sehr geehrte Frau {rl},\n\nich wollte mich freundlich nach dem Stand meiner Bewerbung als {role} erkundigen.",
                 "Hallo, gibt es schon Neuigkeiten zu meiner Bewerbung von vor drei Wochen?"],
    "after_final": ["Hallo {rf},\n\nherzlichen Dank für das zweite Gespräch gestern und die Einblicke ins Team.",
                    "Vielen Dank für den Probearbeitstag – es hat mir sehr gefallen."],
    "signed": ["Hallo {rf},\n\nanbei der unterschriebene Arbeitsvertrag. Ich freue mich auf den Start am {start}!",
               "Die Unterlagen sind unterschrieben im Portal hochgeladen. Brauchen Sie noch etwas von mir?"],
    "outreach": ["Hallo {cand},\n\nich bin auf Ihr Profil gestoßen und hätte eine spannende Position als {other_role} für Sie. Hätten Sie Zeit für ein kurzes Telefonat?",
                 "Hi {cand}, ich suche für einen Kunden in {city} eine*n {other_role} – wäre das etwas für dich?"],
    "personal": ["Habt ihr Samstag Zeit? Wir wollten grillen.", "Hier endlich die Fotos vom Wochenende!", "Hast du schon ein Geschenk für Oma?"],
}
GREET_CASUAL = ["Hallo {cand},", "Hi {cand},", "Liebe/r {cand},", "Hallo {cand}!", "Moin {cand},", "Guten Morgen {cand},"]
GREET_FORMAL = ["Sehr geehrte/r {cand} {cand_last},", "Sehr geehrte Damen und Herren,", "Guten Tag {cand} {cand_last},", "Sehr geehrte Frau {cand_last},",
                "Sehr geehrter Herr {cand_last},"]
OPEN_FORMAL = ["vielen Dank für Ihre Bewerbung als {role} und das damit verbundene Interesse an der {co}.",
               "vielen Dank für Ihr Interesse an einer Tätigkeit bei {co}.", "wir hoffen, es geht Ihnen gut.",
               "herzlichen Dank für die Zeit, die Sie bisher in unseren Bewerbungsprozess investiert haben.",
               "bezugnehmend auf Ihre Bewerbung auf die Stelle {role} (Kennziffer {ref}) melden wir uns heute bei Ihnen."]
CLOSE_FORMAL_LINE = ["Für Rückfragen stehen wir Ihnen gerne zur Verfügung.", "Bei Fragen können Sie sich jederzeit an uns wenden.",
                     "Wir danken Ihnen nochmals für Ihr Interesse an unserem Unternehmen.", "Vielen Dank für Ihre Geduld."]
SIGN_FORMAL = ["Mit freundlichen Grüßen\n\n{rf} {rl}\nPersonalabteilung\n{co}", "Freundliche Grüße\n{rf} {rl}\nHR Business Partner | {co}",
               "Mit freundlichen Grüßen\nIhr Recruiting-Team der {co}", "Beste Grüße\n{rf} {rl}\nTalent Acquisition\n{co} · {city}"]
SIGN_SHORT = ["Viele Grüße\n{rf}", "VG {rf}", "Beste Grüße, {rf}", "LG {rf}", "Gruß\n{rf}", "{rf}"]
SIGN_CASUAL = ["Viele Grüße\n{rf}", "Liebe Grüße\n{rf} {rl}\nRecruiterin bei {co}", "Bis bald,\n{rf}", "Beste Grüße\n{rf}\nPeople Team | {co}"]
SIGN_MGR = ["Viele Grüße\n{mgr}\nTeamleiter Entwicklung, {co}", "Beste Grüße\n{mf}\nHead of Data | {co}", "Gruß\n{mgr}", "{mf}"]
SIGN_TEAM = ["Ihr Recruiting-Team der {co}", "Ihr {co} Talent Acquisition Team", "Viele Grüße\nDein Team von {co}", "Personalabteilung {co}"]
SENT_FROM = ["Von meinem iPhone gesendet", "Gesendet von Outlook für Android", "Von unterwegs gesendet"]
MGR_INTRO = ["ich bin {mgr} und leite das Team, in dem Sie als {role} arbeiten würden. {rf} hat mir Ihre Unterlagen weitergeleitet.",
             "kurz zu mir: Ich bin die Teamleitung für die ausgeschriebene Stelle und melde mich direkt bei dir.",
             "ich bin {mgr}, Fachbereichsleitung bei {co}, und habe Ihre Bewerbung mit großem Interesse gelesen."]
LEGAL = ["{co} · Sitz der Gesellschaft: {city} · Amtsgericht {city} HRB {ref} · Geschäftsführer: {mgr}",
         "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte den Absender.",
         "Informationen zum Datenschutz finden Sie unter {dom}/datenschutz."]
ATS_FOOTER = ["Dies ist eine automatisch generierte E-Mail. Bitte antworten Sie nicht auf diese Nachricht.",
              "Ihre Bewerberdaten können Sie jederzeit in Ihrem Kandidatenprofil einsehen.",
              "Hinweise zur Verarbeitung Ihrer Daten gemäß DSGVO finden Sie in unserer Datenschutzerklärung.", "Powered by Personio"]
ATS_SENDERS = ["{co} <noreply@{s}.jobs.personio.de>", "{co} Karriere <noreply@softgarden.io>", "{co} über JOIN <no-reply@join.com>",
               "{co} Recruiting <bewerbung@{dom}>"]
MAILBOXES = ["{co} Karriere <karriere@{dom}>", "{co} Personal <personal@{dom}>", "Bewerbermanagement {co} <jobs@{dom}>", "bewerbung@{dom}"]
CAL = {"invite": "Einladung", "confirmed": "Bestätigt", "updated": "Aktualisierte Einladung", "title": "Termin", "when": "Wann",
       "dur": "Dauer", "where": "Wo", "organizer": "Organisator", "guests": "Teilnehmende",
       "moved": "Dieser Termin wurde von {old} auf {new} verschoben.",
       "intro": ["Ein neuer Termin mit {{who}} wurde eingetragen.", "{cand}, deine Buchung ist bestätigt.", "Sie wurden zu folgendem Termin eingeladen."],
       "changes": "Möchten Sie den Termin ändern?", "resched": "Verschieben", "cancel": "Absagen", "powered": "Gesendet über {tool}"}
PERSONAL_PLACES = ["Zahnarztpraxis Dr. Wolf, Hauptstraße 12", "Friseur Haarscharf", "Tierarztpraxis am Park", "Bürgeramt Mitte"]
UNSUB = ["Newsletter abbestellen | Einstellungen", "Sie erhalten diese E-Mail, weil Sie sich angemeldet haben. Hier abmelden.",
         "Abmelden · Impressum · Datenschutz"]
BOARDS = ["StepStone Jobagent <jobagent@stepstone.de>", "Indeed <alert@indeed.com>", "XING Stellenmarkt <jobs@xing.com>",
          "LinkedIn Jobs <jobalerts-noreply@linkedin.com>", "Bundesagentur für Arbeit <jobsuche@arbeitsagentur.de>"]
PREP_SENDERS = ["Karriereschmiede <info@karriereschmiede.de>", "Bewerbungsprofi <hallo@bewerbungsprofi.de>",
                "Interview-Coach Akademie <team@interviewcoach.de>"]
SERVICES = ["DHL Paket <noreply@dhl.de>", "Deutsche Bahn <buchungsbestaetigung@bahn.de>", "Sparkasse <service@sparkasse.de>",
            "Doctolib <no-reply@doctolib.de>", "Zalando <info@zalando.de>", "Stadtbibliothek <ausleihe@stadtbibliothek.de>"]
LOWER_AFTER_GREETING = {"Wir", "Vielen", "Herzlichen", "Hiermit", "Gerne", "Gern", "Nach", "Leider", "Bitte", "Als", "Bevor", "Anbei",
                        "Wie", "Im", "Zu", "Aufgrund", "Kurz", "Ich", "Gute", "Bezugnehmend", "Das", "Die", "Dann", "Danke"}
AGENCIES = ["Hays Personal", "Top Talent Beratung", "Personalwerk Nord", "IT-Köpfe Recruiting"]

FAM = {
    "ack_note": {
        "subj": ["Ihre Bewerbung als {role}", "Eingangsbestätigung Ihrer Bewerbung", "Bewerbung eingegangen – {role}", "Danke für deine Bewerbung bei {co}!"],
        "short": ["Danke, die Unterlagen sind angekommen! Ich gebe sie an die Fachabteilung weiter und melde mich, sobald ich Feedback habe.",
                  "Vielen Dank, ist angekommen. Wir sammeln noch Bewerbungen, es kann also zwei, drei Wochen dauern.",
                  "Super, danke dir – du bist jetzt im Prozess für {role}.", "Erhalten, danke! Ich melde mich, falls das Team weitermachen möchte."],
        "long": ["hiermit bestätigen wir den Eingang Ihrer Bewerbung als {role}. Wir prüfen Ihre Unterlagen sorgfältig und melden uns in den nächsten Wochen bei Ihnen.",
                 "Ihre Bewerbung liegt nun unserer Fachabteilung vor. Aufgrund der hohen Anzahl an Bewerbungen bitten wir um etwas Geduld; sollte Ihr Profil passen, kommen wir auf Sie zu.",
                 "wir haben Ihre Unterlagen erhalten und freuen uns über Ihr Interesse. Bitte sehen Sie von Nachfragen zum Bearbeitungsstand ab – wir melden uns in jedem Fall.",
                 "vielen Dank für Ihre Bewerbung! Wir sehen uns Ihre Unterlagen in Ruhe an und geben Ihnen spätestens in drei Wochen Bescheid."],
        "extra": ["Leider können wir in dieser Phase kein individuelles Feedback geben.", "Den Status Ihrer Bewerbung sehen Sie jederzeit im Bewerberportal.",
                  "Die Stelle bleibt ausgeschrieben, bis sie besetzt ist."],
    },
    "assessment": {
        "subj": ["Nächster Schritt: Fallstudie", "Online-Assessment für die Stelle {role}", "Ihre Aufgabe für den nächsten Schritt", "Coding Challenge – {co}"],
        "short": ["Als nächsten Schritt hätten wir gern eine kleine Case Study von dir: {link}. Abgabe innerhalb von {n} Tagen, mehr als 3 Stunden solltest du nicht brauchen.",
                  "Das Team würde dich gern zuerst einen kurzen Online-Test auf {tool} machen lassen. Den Link bekommst du separat.",
                  "Nächster Schritt wäre eine schriftliche Aufgabe – die Beschreibung hängt an. Sag einfach Bescheid, wenn du abgegeben hast."],
        "long": ["als nächsten Schritt im Auswahlverfahren bitten wir Sie, einen Online-Test auf {tool} zu absolvieren. Er dauert etwa 60 Minuten und muss bis zum {deadline} abgeschlossen sein.",
                 "bitte bearbeiten Sie die beigefügte Probeaufgabe und laden Sie Ihre Lösung innerhalb von {n} Tagen im Portal hoch. Wir sichten alle Einreichungen, bevor wir über die nächsten Schritte entscheiden.",
                 "bevor es weitergeht, bitten wir alle Bewerberinnen und Bewerber um einen kurzen Fähigkeitstest und einen Persönlichkeitsfragebogen. Beides können Sie flexibel bearbeiten."],
        "extra": ["Falls Sie für den Test besondere Rahmenbedingungen benötigen, geben Sie uns Bescheid.", "Eine spezielle Vorbereitung ist nicht nötig."],
    },
    "interview_invite": {
        "subj": ["Einladung zum Vorstellungsgespräch – {role}", "Einladung zum Kennenlerngespräch", "Ihre Bewerbung: Einladung zum Interview", "{co} – erstes Gespräch"],
        "subj_casual": ["Kurzes Kennenlernen?", "Nächster Schritt – {role}", "Lust auf ein Telefonat?", "Deine Bewerbung 🙂"],
        "short": ["Hättest du diese Woche 30 Minuten für ein kurzes Telefonat? {slots}", "Das Team fand dein Profil super – passt dir {when} für ein erstes Gespräch?",
                  "Können wir am {day} kurz 20 Minuten sprechen? Einfach zum Kennenlernen, keine Vorbereitung nötig.",
                  "Die Teamleitung möchte Sie gern kennenlernen! Passt Ihnen {when}?", "Hätten Sie {when} Zeit für ein kurzes Telefoninterview? Ich rufe Sie unter der Nummer aus dem Lebenslauf an."],
        "long": ["gerne möchten wir Sie persönlich kennenlernen und laden Sie herzlich zu einem Vorstellungsgespräch am {when} ein. Das Gespräch findet per {platform} statt und dauert etwa {dur} Minuten.",
                 "nach Sichtung Ihrer Unterlagen freuen wir uns, Sie zu einem ersten Gespräch mit {mgr} und einem Teammitglied am {when} einzuladen.",
                 "wir würden Sie gern näher kennenlernen. Bitte teilen Sie uns mit, ob Ihnen {when} für ein erstes Interview passt, oder schlagen Sie einen anderen Termin vor.",
                 "Ihre Bewerbung hat uns überzeugt und das Team möchte Sie gern kennenlernen. Bitte wählen Sie über folgenden Link einen Termin für ein {dur}-minütiges Videogespräch: {link}"],
        "ats": ["Sie wurden eingeladen, einen Termin für ein Vorstellungsgespräch ({role}) zu buchen. Bitte wählen Sie hier einen passenden Zeitpunkt: {link}",
                "Gute Nachrichten! Das Team möchte Sie gern zu einem Gespräch einladen. Über den folgenden Link können Sie Ihren Termin buchen.\n{link}"],
        "cal_title": ["Telefoninterview – {role}", "Kennenlernen: {cand} / {co}", "Vorstellungsgespräch mit {mgr}", "Erstgespräch {co}"],
        "cal_note": ["Wir freuen uns auf das Gespräch!", "Bitte wählen Sie sich ein paar Minuten vorher ein."],
        "extra": ["Bitte bringen Sie einen Lichtbildausweis mit.", "Melden Sie sich gern, falls Sie besondere Unterstützung benötigen.",
                  "Dabei ist auch {mgr}, die das Team leitet."],
    },
    "interview_schedule": {
        "subj": ["Terminbestätigung Vorstellungsgespräch", "Terminverschiebung Ihres Gesprächs", "Neuer Termin: Ihr Gespräch bei {co}", "Können wir unseren Termin verschieben?"],
        "subj_casual": ["kleine Änderung", "Termin morgen", "Neuer Termin?", "{day}"],
        "short": ["Dann halten wir {when} fest – die Einladung kommt gleich.", "Bei uns ist leider etwas dazwischengekommen – könnten wir Donnerstag auf {when} verschieben?",
                  "{when} passt perfekt, Einladung ist raus.", "Sorry für das Hin und Her! {mgr} ist krank, können wir auf {when} gehen?",
                  "Kurze Frage: {day} um {time} oder lieber am Vormittag danach?", "Alles klar, {when} steht. Gleicher Link wie beim letzten Mal."],
        "long": ["leider müssen wir Ihr für diese Woche geplantes Vorstellungsgespräch verschieben. Wäre Ihnen {when} recht?",
                 "hiermit bestätigen wir Ihren Gesprächstermin für die Position {role} am {when}. Den Einwahllink finden Sie hier: {link}",
                 "vielen Dank für Ihre Terminvorschläge. Ihr Gespräch mit {mgr} ist nun für {when} ({dur} Minuten) eingeplant.",
                 "bitte wählen Sie einen der folgenden Termine für das Zweitgespräch:\n{slots}"],
        "ats": ["Ihr Interviewtermin wurde geplant.\n\nStelle: {role}\nWann: {when}\nWo: {platform} ({link})",
                "Ihr Gespräch für die Stelle {role} wurde auf {when} verlegt. Falls der neue Termin nicht passt, wählen Sie bitte über den Link einen anderen."],
        "cal_title": ["Vorstellungsgespräch: {role} – {co}", "Zweitgespräch mit {mgr}", "{cand} / {mgr} (Fachbereich)", "Interview {co}"],
        "cal_note": ["Entschuldigen Sie die Verschiebung!", "Falls Sie einen anderen Termin brauchen, antworten Sie einfach auf diese E-Mail."],
    },
    "interview_technical": {
        "subj": ["Technisches Interview – {role}", "Einladung zum Fachgespräch", "Nächste Runde: Live-Coding", "Einladung zum Probearbeitstag",
                 "Finales Gespräch – {role}", "Besprechung Ihrer Case Study"],
        "subj_casual": ["nächste Runde!", "Tech-Interview", "Infos zum finalen Gespräch"],
        "short": ["Gute Nachrichten – als Nächstes kommt eine Live-Coding-Session. Passt dir {when}? Wir nutzen {platform}.",
                  "Deine Case Study kam super an! Nächster Schritt: 60 Minuten, in denen du sie zwei Entwicklern vorstellst – geht {when}?",
                  "Du bist in der finalen Runde: vier Gespräche am {date}, Start um {time}.", "Das Fachinterview steht: {when}. Es wird eine Pair-Programming-Aufgabe geben.",
                  "Das Panel möchte Sie am {day} kennenlernen. Agenda folgt."],
        "long": ["gerne laden wir Sie zum technischen Interview für die Position {role} am {when} ein. Gemeinsam mit einer unserer Entwicklerinnen lösen Sie eine Programmieraufgabe in einem geteilten Editor ({tool}).",
                 "die nächste Runde ist unser Vor-Ort-Tag: ein Systemdesign-Interview, eine Live-Coding-Session und ein Gespräch über Ihre bisherigen Projekte mit {mgr}. Er findet am {date} ab {time} in unserem Büro in {city} statt.",
                 "wir möchten Sie zu einem Panel-Gespräch mit drei Kolleginnen und Kollegen am {when} einladen. Bitte bereiten Sie eine zehnminütige Präsentation Ihrer Probeaufgabe vor, die wir anschließend gemeinsam besprechen.",
                 "herzlichen Glückwunsch zum erfolgreichen Erstgespräch! Das finale Gespräch mit {mgr} und unserer Geschäftsführung findet am {when} statt."],
        "ats": ["Sie wurden zu einem technischen Interview ({role}) eingeladen.\nFormat: Live-Coding ({dur} Min.)\nWann: {when}\nLink: {link}"],
        "cal_title": ["Live-Coding-Interview – {role}", "Systemdesign-Interview", "Vor-Ort-Termin (4 Gespräche) – {co}", "Besprechung Probeaufgabe mit {mgr}",
                      "Finales Gespräch – {co}", "Fachinterview"],
        "cal_note": ["Bitte halten Sie Ihre Entwicklungsumgebung bereit.", "Den CoderPad-Link teilen wir zu Beginn."],
        "extra": ["Algorithmen auswendig lernen ist nicht nötig – uns interessiert Ihr Lösungsweg.", "Die Programmiersprache können Sie frei wählen."],
    },
    "offer_explicit": {
        "subj": ["Ihr Vertragsangebot von {co}", "Angebot für die Position {role}", "Unser Angebot an Sie", "Jobangebot: {role}"],
        "subj_casual": ["Gute Neuigkeiten!", "Das Angebot 🎉", "Glückwunsch!"],
        "short": ["Ich freue mich riesig: Wir möchten dir ein Angebot machen! Die Details hängen an – lass uns morgen kurz telefonieren.",
                  "Anbei unser offizielles Angebot. Lassen Sie sich ruhig Zeit und rufen Sie mich bei Fragen an.",
                  "Das Team war sich einig – wir möchten dir die Stelle als {role} anbieten!"],
        "long": ["wir freuen uns sehr, Ihnen die Position als {role} bei der {co} anbieten zu können. Im Anhang finden Sie unser Vertragsangebot mit einem Jahresgehalt von {salary} und einem Eintrittsdatum zum {start}.",
                 "nach den Gesprächen mit Ihnen freue ich mich, Ihnen ein Angebot für die Stelle {role} zu unterbreiten. Das Angebot ist bis zum {deadline} gültig.",
                 "herzlichen Glückwunsch! Wir möchten Ihnen die Stelle anbieten. Ihr schriftliches Angebot mit allen Angaben zu Vergütung und Zusatzleistungen finden Sie im Bewerberportal."],
        "ats": ["Sie haben ein Angebot von {co} erhalten. Hier können Sie es ansehen und unterschreiben: {link}", "{co} hat Ihnen ein Angebotsschreiben zur Unterschrift über DocuSign geschickt."],
        "extra": ["Bitte senden Sie es uns bis zum {deadline} unterschrieben zurück.", "Über eine Rückmeldung bis Ende nächster Woche würden wir uns freuen."],
    },
    "offer_implicit": {
        "subj": ["Willkommen bei {co}!", "Ihr Arbeitsvertrag – {role}", "Nächste Schritte: Ihr Start bei {co}", "Vergütung und Eintrittstermin"],
        "subj_casual": ["wie besprochen", "Vertragsunterlagen", "Wir wollen dich im Team!"],
        "short": ["Wie am Telefon besprochen: Wir würden uns wahnsinnig freuen, wenn du bei uns anfängst! Der Vertrag hängt an, Start am {start} passt für uns.",
                  "Kurze Zusammenfassung unseres Telefonats: Fixgehalt {salary} plus Bonus, Start {start}. Gib mir dein Okay, dann setze ich den Vertrag auf.",
                  "Alle sind begeistert. Kannst du den Vertrag bis zum {deadline} unterschreiben? Dann bestellen wir schon mal deinen Laptop.",
                  "Schön, dass wir vorhin sprechen konnten! Anbei die Eckdaten zur Vergütung. Sollen wir den {start} als ersten Arbeitstag festhalten?"],
        "long": ["wie in unserem Gespräch angekündigt, freuen wir uns, dass Sie unser Team als {role} verstärken möchten. Anbei erhalten Sie Ihren Arbeitsvertrag in zweifacher Ausfertigung; als Eintrittsdatum schlagen wir den {start} vor.",
                 "anbei finden Sie die besprochenen Vertragskonditionen: ein Bruttojahresgehalt von {salary}, 30 Urlaubstage und ein Jobticket. Bitte senden Sie uns den unterschriebenen Vertrag bis zum {deadline} zurück.",
                 "das gesamte Team freut sich darauf, Sie bald an Bord zu begrüßen. Die Personalabteilung schickt Ihnen heute den Vertrag und die Unterlagen für das Onboarding; als ersten Arbeitstag schlagen wir den {start} vor.",
                 "im Nachgang zu unserer mündlichen Zusage hier die schriftliche Zusammenfassung: Gehalt {salary}, hybrides Arbeiten von {city} aus, Beginn am {start}."],
        "extra": ["Bitte bringen Sie am ersten Tag Ihren Personalausweis und Ihre Steuer-ID mit.", "Ihre Führungskraft wird {mgr} sein."],
    },
    "rejection_plain": {
        "subj": ["Ihre Bewerbung als {role}", "Rückmeldung zu Ihrer Bewerbung", "{co} – Ihre Bewerbung", "Absage: {role}"],
        "short": ["Danke für deine Geduld, {cand}. Leider hat sich das Team entschieden, deine Bewerbung nicht weiterzuverfolgen.",
                  "Kurzes Update: Wir werden mit deiner Bewerbung für {role} leider nicht weitermachen. Danke für dein Interesse!",
                  "Leider haben wir uns für Kandidat*innen entschieden, die noch besser zum Profil passen."],
        "long": ["nach sorgfältiger Prüfung Ihrer Unterlagen müssen wir Ihnen leider mitteilen, dass wir Sie im weiteren Auswahlverfahren nicht berücksichtigen können.",
                 "wir haben uns die Entscheidung nicht leicht gemacht, uns aber für andere Bewerberinnen und Bewerber entschieden, deren Profil noch besser zu den Anforderungen passt.",
                 "leider können wir Ihnen keine positive Rückmeldung geben. Ihre Unterlagen löschen wir gemäß den Datenschutzbestimmungen nach sechs Monaten.",
                 "zu unserem Bedauern müssen wir Ihnen mitteilen, dass die Wahl nicht auf Sie gefallen ist."],
        "extra": ["Für Ihre weitere berufliche Zukunft wünschen wir Ihnen alles Gute.", "Aufgrund der Vielzahl an Bewerbungen können wir leider kein individuelles Feedback geben."],
    },
    "rejection_after_interview": {
        "subj": ["Rückmeldung nach unserem Gespräch", "Ihr Vorstellungsgespräch bei {co}", "{role} – unsere Entscheidung", "Danke für die Gespräche"],
        "subj_casual": ["Update", "unser Gespräch", "Neuigkeiten zur Stelle"],
        "short": ["Danke nochmal für die ganze Zeit, die du in die Gespräche gesteckt hast. Wir haben inzwischen einer anderen Person ein Angebot gemacht, deshalb geht es für dich leider nicht weiter.",
                  "Es tut mir leid, aber wir haben uns für jemanden entschieden, dessen Erfahrung etwas näher an dem ist, was wir gerade brauchen.",
                  "Knappe Sache – am Ende waren es du und eine andere Kandidatin, und sie hat die Stelle angenommen."],
        "long": ["vielen Dank für das Vorstellungsgespräch für die Position {role}. Die Entscheidung war knapp, doch wir haben die Stelle einer anderen Kandidatin angeboten, die inzwischen zugesagt hat.",
                 "wir haben Sie im Auswahlprozess sehr gern kennengelernt. Nach reiflicher Überlegung haben wir uns jedoch entschieden, die Position anderweitig zu besetzen.",
                 "nach dem finalen Gespräch hat sich das Gremium gegen eine Fortsetzung des Verfahrens mit Ihnen entschieden. Ihre Vorbereitung hat uns beeindruckt, und wir würden gern in Kontakt bleiben."],
        "extra": ["Wenn Sie Feedback zu den Gesprächen möchten, rufe ich Sie gern kurz an.", "Wir würden uns freuen, bei künftigen Stellen wieder von Ihnen zu hören."],
    },
    "offer_withdrawn": {
        "subj": ["Wichtige Information zu Ihrem Vertragsangebot", "Zur Position {role}", "Änderung unserer Personalplanung", "Ihr Angebot – Update"],
        "short": ["Es tut mir wirklich leid, aber wegen eines Einstellungsstopps müssen wir das Angebot von letzter Woche zurückziehen.",
                  "Leider schlechte Nachrichten: Die Stelle fällt nach der Umstrukturierung weg, dein Start am {start} kann so nicht stattfinden.",
                  "Ich schreibe das ungern – die Geschäftsführung hat alle Einstellungen gestoppt, die Zusage wird zurückgenommen."],
        "long": ["aufgrund einer unerwarteten Umstrukturierung müssen wir unser Vertragsangebot für die Position {role} leider zurückziehen.",
                 "hiermit teilen wir Ihnen mit, dass die Position {role} infolge eines unternehmensweiten Einstellungsstopps gestrichen wurde. Eine Einstellung ist daher leider nicht möglich.",
                 "leider konnte die Sicherheitsüberprüfung nicht erfolgreich abgeschlossen werden, weshalb wir unsere Zusage widerrufen müssen."],
    },
    "job_alerts": {
        "subj": ["{n} neue Jobs für „{role_plain}“ in {city}", "Jobs, die zu Ihnen passen", "Neu: {role2} bei {co2} und weitere", "Ihr täglicher Jobagent"],
        "long": ["Hier sind neue Stellen zu Ihrer Suche „{role_plain}“.", "Basierend auf Ihrem Profil könnten diese Jobs interessant sein:",
                 "Unternehmen in der Nähe von {city} suchen {role_plain}. Bewerben Sie sich als einer der Ersten!"],
        "ats": ["Sie sind Teil des Talent-Pools von {co2}. Diese Woche neu ausgeschrieben:\n{role2} – {city}\n{role3} – Remote",
                "Zu Ihrem Suchauftrag wurde gerade eine Stelle veröffentlicht: {role2} bei {co2}. Jetzt mit einem Klick bewerben."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Schnellbewerbung", "{role2} ({co2}), vor 2 Tagen veröffentlicht"],
        "extra": ["Frühe Bewerbungen haben bessere Chancen.", "Gehaltsangaben für 3 dieser Stellen verfügbar."],
    },
    "prep_marketing": {
        "subj": ["So überzeugen Sie im nächsten Vorstellungsgespräch", "Kostenloses Webinar: Gehaltsverhandlung", "Ihr Probe-Interview ist gebucht",
                 "Nur noch heute: 40 % auf Bewerbungscoaching", "Die 5 häufigsten Fragen im Vorstellungsgespräch"],
        "subj_casual": ["Dein Übungsinterview", "Übung macht den Meister"],
        "short": ["Dein Übungsinterview mit Coach {coach} ist für {when} bestätigt. Es handelt sich um ein Probegespräch – kein Arbeitgeber ist beteiligt.",
                  "Danke für deine Buchung eines Probe-Tech-Interviews! Dein Übungspartner trifft dich am {when}.",
                  "Bereit für die Bewerbungsphase? Komm am {date} zu unserem kostenlosen Live-Workshop und übe deine Antworten mit einem Coach."],
        "long": ["Nervös vor Vorstellungsgesprächen? Unsere Coaches haben schon über 10.000 Menschen zum Traumjob begleitet. Buchen Sie jetzt ein Übungsinterview mit persönlichem Feedback.",
                 "Melden Sie sich für unser kostenloses Webinar am {date} an: Selbstpräsentation, Gehaltsverhandlung und die richtige Nachfass-E-Mail.",
                 "Diese Woche im Newsletter: die STAR-Methode, Vorbereitung auf ein Live-Coding-Interview und gute Rückfragen am Ende des Gesprächs."],
        "cal_title": ["Übungsinterview mit {coach}", "Webinar: Souverän ins Vorstellungsgespräch", "Probe-Interview (Systemdesign)", "Bewerbungscoaching"],
        "items": ["▶ Die 7 häufigsten Fragen im Vorstellungsgespräch", "▶ So fassen Sie nach dem Gespräch nach", "▶ Das erste Gehalt verhandeln"],
        "extra": ["Mit dem Code BEREIT40 sparen Sie 40 %.", "Die Plätze sind begrenzt."],
    },
    "cold_outreach": {
        "subj": ["Position als {other_role}", "Spannende Vakanz bei einem Kunden", "Offen für Neues?", "Ihr Profil ist mir aufgefallen"],
        "short": ["Ich bin auf Ihr Profil gestoßen und denke, Sie würden hervorragend auf eine Position als {other_role} bei einem meiner Kunden passen. Hätten Sie Lust auf ein kurzes Telefonat?",
                  "Ich hake nochmal kurz nach, falls meine Nachricht untergegangen ist – die Stelle als {other_role} ist weiterhin offen.",
                  "Ich suche für eine Remote-Position als {other_role} (bis {salary}). Interesse?"],
        "long": ["als Personalberater mit Schwerpunkt IT unterstütze ich derzeit ein wachsendes Unternehmen in {city} bei der Suche nach einer/einem {other_role}. Ihr Werdegang passt sehr gut zum Profil. Wären Sie offen für ein vertrauliches Gespräch?",
                 "wir unterstützen Unternehmen beim Aufbau ihrer Teams, und aktuell betreue ich mehrere Arbeitgeber, die {other_role}-Profile suchen. Wenn Sie offen für Neues sind, antworten Sie gern mit einem passenden Zeitpunkt."],
    },
    "personal": {
        "subj": ["Samstag?", "Ihre Sendung ist unterwegs", "Terminerinnerung", "Ihr Kontoauszug ist da", "Lesekreis"],
        "short": ["Ja! Samstag passt. Treffen wir uns um 10 am Bahnhof?", "Haha, tolle Fotos. Schickst du mir das vom See?",
                  "Donnerstag klappt bei mir leider nicht – wie wär's nächste Woche?", "Hab für halb acht reserviert. Bis dann!"],
        "long": ["Ihre Sendung {ref} wurde verschickt und wird voraussichtlich am {date} zugestellt.", "Erinnerung: Ihr Termin ist am {when}. Bitte kommen Sie 10 Minuten früher.",
                 "Ihr Kontoauszug für diesen Monat steht im Online-Banking bereit.", "Vielen Dank für Ihre Buchung! Ihre Fahrkarte finden Sie im Anhang."],
        "cal_title": ["Zahnarzt Kontrolle", "Friseurtermin", "Tierarzt – Bello", "Elternabend", "Lesekreis"],
    },
}
