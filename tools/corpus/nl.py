"""Nederlandse teksten (Nederland en Vlaanderen; "u" in brieven en
automatische mails, "je/jij" in korte berichten en bij start-ups) voor
tools/corpus/engine.py. Geschreven voor CareerOps; geen zin komt uit een
echte mailbox."""
CODE = "nl"

COMPANIES = [("Van Dijk Logistiek B.V.", "Van Dijk Logistiek"), ("Polderdata", "Polderdata"), ("Bakkerij De Molen", "Bakkerij De Molen"),
             ("Zeeland Energie N.V.", "Zeeland Energie"), ("Grachtsoft B.V.", "Grachtsoft"), ("Zorggroep Lindenhof", "Zorggroep Lindenhof"),
             ("Brugge Bouw NV", "Brugge Bouw"), ("Tulpstad Media", "Tulpstad Media"), ("Verzekeraar Kompas", "Verzekeraar Kompas"),
             ("Duinwater Technologie", "Duinwater Technologie"), ("Fietsfabriek Oranje", "Fietsfabriek Oranje"), ("Hanze Bank", "Hanze Bank"),
             ("Koel & Ko Installatietechniek", "Koel & Ko Installatietechniek"), ("Stroomlijn Software", "Stroomlijn Software"), ("Gemeente Westervoort", "Gemeente Westervoort")]
ROLES = [(r, r) for r in ["Data-analist", "Backend-ontwikkelaar", "Software-engineer", "Projectleider", "Medewerker klantenservice",
                          "Marketingmanager", "Financieel controller", "UX-designer", "Data scientist", "Beleidsmedewerker",
                          "Servicemonteur", "HR-adviseur", "Accountmanager", "DevOps-engineer", "Teamleider logistiek"]]
CANDIDATES = [("Daan", "de Vries"), ("Sanne", "Jansen"), ("Lotte", "Bakker"), ("Bram", "Visser"), ("Noor", "El Amrani"), ("Pieter", "Smit")]
FIRST = ["Eva", "Joost", "Anouk", "Ruben", "Femke", "Thijs", "Marloes", "Jeroen", "Lieke", "Sven", "Inge", "Koen", "Fatima", "Wouter"]
LAST = ["Mulder", "de Boer", "Meijer", "van den Berg", "Hendriks", "Dekker", "Vermeulen", "Peeters", "Willems", "Kok", "Bos", "Yilmaz"]
TLDS = [".nl", ".nl", ".be", ".com"]
TZ = ["+0100", "+0200"]
CITIES = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag", "Groningen", "Antwerpen", "Gent", "thuiswerken"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
WD_SHORT = ["ma", "di", "wo", "do", "vr", "za", "zo"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
MON_SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def fmt_time(dt, R):
    return R.choice([f"{dt.hour:02d}:{dt.minute:02d}", f"{dt.hour}.{dt.minute:02d} uur", f"{dt.hour:02d}:{dt.minute:02d} uur"])


def fmt_date(d, R):
    return R.choice([f"{d.day}-{d.month}-{d.year}", f"{d.day} {MONTHS[d.month - 1]}", f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}",
                     f"{d.day:02d}-{d.month:02d}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} om {t}", f"{WD_SHORT[dt.weekday()]} {dt.day}-{dt.month} om {t}",
                     f"{dt.day}-{dt.month}-{dt.year} om {t}", f"{WEEKDAYS[dt.weekday()]} om {t}", f"{dt.day} {MONTHS[dt.month - 1]}, {t}"])


def salary(R):
    return R.choice([f"€ {R.randint(3, 7)}.{R.choice(['100', '450', '800'])} bruto per maand", f"€{R.randint(45, 95)}.000 per jaar",
                     f"schaal {R.randint(8, 12)} (max. € {R.randint(4, 6)}.{R.randint(100, 999)})"])


QUOTE_GMAIL = "Op {wd} {d} {mon} {y} om {hh2}:{mm} schreef {name} <{email}>:"
ORIG = ["-----Oorspronkelijk bericht-----", "Van:", "Verzonden:", "Aan:", "Onderwerp:"]
RE = ["RE:", "Re:", "Antw:", "Re: RE:"]

PREV_SUBJ = {
    "apply": ["Sollicitatie {role}", "Sollicitatie – {role} (vacature {ref})", "Open sollicitatie", "Uw vacature {role}"],
    "after_call": ["Bedankt voor het gesprek", "Ons telefoongesprek van vandaag", "{role} – vervolg?"],
    "avail": ["Beschikbaarheid", "Tijden voor het gesprek", "Agenda volgende week"],
    "followup": ["Stand van zaken sollicitatie", "Navraag – {role}", "Nog nieuws?"],
    "after_final": ["Bedankt voor het tweede gesprek", "Na het laatste gesprek", "Bedankt voor vandaag"],
    "signed": ["Getekend contract", "Documenten retour", "Zin om te beginnen!"],
    "outreach": ["Functie als {other_role}", "Je LinkedIn-profiel", "Korte vraag"],
    "personal": ["Zaterdag?", "foto's van de bruiloft", "Verjaardag oma", "etentje vrijdag"],
}
PREV = {
    "apply": ["Geachte heer/mevrouw,\n\nHierbij solliciteer ik naar de functie van {role}. Mijn cv en motivatiebrief vindt u in de bijlage.",
              "Hoi {rf},\n\nZoals telefonisch besproken stuur ik je hierbij mijn cv.",
              "Goedemiddag,\n\nNaar aanleiding van uw vacature op Nationale Vacaturebank stuur ik u mijn sollicitatie voor de functie {role}."],
    "after_call": ["Hoi {rf},\n\nBedankt voor het prettige gesprek vandaag. Ik heb een goed beeld gekregen van het team.",
                   "Nogmaals dank voor het telefoontje vanochtend – laat gerust weten als je nog iets nodig hebt."],
    "avail": ["Hoi {rf}, dank je! Ik kan dinsdagmiddag of donderdag de hele dag.", "Prima, deze momenten passen mij:\n{slots}",
              "Volgende week ben ik vrij flexibel, alleen maandagochtend niet."],
    "followup": ["Beste {rf},\n\nIk wilde even informeren naar de stand van zaken rond mijn sollicitatie als {role}.",
                 "Hallo, is er al nieuws over mijn sollicitatie van een paar weken geleden?"],
    "after_final": ["Hoi {rf},\n\nHartelijk dank voor het tweede gesprek gisteren en de kennismaking met het team.",
                    "Bedankt voor de meeloopdag, ik vond het erg leuk."],
    "signed": ["Hoi {rf},\n\nHierbij het getekende contract. Ik heb zin om op {start} te beginnen!",
               "De documenten zijn getekend en geüpload. Hebben jullie nog iets van mij nodig?"],
    "outreach": ["Hoi {cand},\n\nIk ben op zoek naar een {other_role} voor een klant van mij. Sta je open voor een kort gesprek?",
                 "Hallo {cand}, ik kwam je profiel tegen en denk dat je goed past bij een functie als {other_role} die ik invul."],
    "personal": ["Hebben jullie zaterdag tijd? We wilden gaan barbecueën.", "Hier eindelijk de foto's van de bruiloft!", "Heb je al gereserveerd voor vrijdag?"],
}
GREET_CASUAL = ["Hoi {cand},", "Hi {cand},", "Hallo {cand}!", "Hey {cand},", "Goedemorgen {cand},", "Dag {cand},"]
GREET_FORMAL = ["Beste {cand} {cand_last},", "Geachte heer/mevrouw {cand_last},", "Geachte {cand} {cand_last},", "Beste {cand},", "Geachte sollicitant,"]
OPEN_FORMAL = ["Hartelijk dank voor uw sollicitatie naar de functie van {role} bij {co}.", "Dank voor uw interesse in {co}.",
               "Wij hopen dat het goed met u gaat.", "Dank voor de tijd die u tot nu toe in onze sollicitatieprocedure heeft gestoken.",
               "Wij nemen contact met u op over de vacature {role} (referentie {ref})."]
CLOSE_FORMAL_LINE = ["Heeft u vragen, neem dan gerust contact met ons op.", "Voor vragen kunt u op deze e-mail reageren.",
                     "Nogmaals dank voor uw interesse in {co}.", "Dank voor uw geduld tijdens de procedure."]
SIGN_FORMAL = ["Met vriendelijke groet,\n\n{rf} {rl}\nAfdeling HR\n{co}", "Met vriendelijke groeten,\n{rf} {rl}\nRecruiter | {co}",
               "Hartelijke groet,\nTeam Recruitment {co}", "Met vriendelijke groet,\n{rf} {rl}\nTalent Acquisition, {co}\n{city}"]
SIGN_SHORT = ["Groet,\n{rf}", "Gr. {rf}", "{rf}", "Dank je!\n{rf}", "Groetjes, {rf}", "Hartelijke groet,\n{rf}"]
SIGN_CASUAL = ["Groetjes,\n{rf}", "Dank!\n{rf} {rl}\nRecruiter bij {co}", "Tot snel,\n{rf}", "Groet,\n{rf}\nPeople Team | {co}"]
SIGN_MGR = ["Groet,\n{mgr}\nTeamlead Engineering, {co}", "Dank,\n{mf}\nHead of Data | {co}", "Hartelijke groet,\n{mgr}", "{mf}"]
SIGN_TEAM = ["Team Recruitment {co}", "{co} Talent Acquisition", "Groeten,\nHet team van {co}", "Afdeling HR {co}"]
SENT_FROM = ["Verzonden vanaf mijn iPhone", "Verzonden vanuit Outlook voor Android", "Verstuurd vanaf mijn telefoon"]
MGR_INTRO = ["Ik ben {mgr}, teamleider van het team waarin je als {role} zou werken; {rf} heeft je cv aan mij doorgestuurd.",
             "Ik leid het team van deze vacature en wilde je persoonlijk mailen.", "Ik ben {mgr}, hiring manager voor de functie {role} bij {co}."]
LEGAL = ["{co} · KvK {ref} · Gevestigd te {city}.", "Dit bericht is uitsluitend bestemd voor de geadresseerde en kan vertrouwelijke informatie bevatten.",
         "Lees in onze privacyverklaring op {dom}/privacy hoe wij met uw gegevens omgaan (AVG)."]
ATS_FOOTER = ["Dit is een automatisch bericht; u kunt hier niet op antwoorden.", "De status van uw sollicitatie vindt u in uw kandidatenportaal.",
              "U ontvangt deze e-mail omdat u heeft gesolliciteerd bij {co}.", "Powered by Recruitee"]
ATS_SENDERS = ["{co} <noreply@recruitee.com>", "{co} via Homerun <jobs@homerun.co>", "{co} Werken bij <werkenbij@{dom}>", "{co} <no-reply@otys.nl>"]
MAILBOXES = ["Werken bij {co} <werkenbij@{dom}>", "HR {co} <hr@{dom}>", "Recruitment {co} <recruitment@{dom}>", "vacatures@{dom}"]
CAL = {"invite": "Uitnodiging", "confirmed": "Bevestigd", "updated": "Bijgewerkte uitnodiging", "title": "Afspraak", "when": "Wanneer",
       "dur": "Duur", "where": "Waar", "organizer": "Organisator", "guests": "Genodigden",
       "moved": "Deze afspraak is verplaatst van {old} naar {new}.",
       "intro": ["Er is een nieuwe afspraak ingepland met {{who}}.", "{cand}, je boeking is bevestigd.", "U bent uitgenodigd voor de volgende afspraak."],
       "changes": "Wilt u iets wijzigen?", "resched": "Verplaatsen", "cancel": "Annuleren", "powered": "Verstuurd via {tool}"}
PERSONAL_PLACES = ["Tandartspraktijk Centrum, Dorpsstraat 12", "Kapsalon Knip", "Dierenkliniek De Hoef", "Openbare Bibliotheek"]
UNSUB = ["Afmelden | Voorkeuren", "Je ontvangt deze e-mail omdat je je hebt aangemeld. Hier afmelden.", "Beheer je meldingen of meld je af."]
BOARDS = ["Indeed <alert@indeed.com>", "Nationale Vacaturebank <jobalert@nationalevacaturebank.nl>", "LinkedIn Vacatures <jobalerts-noreply@linkedin.com>",
          "VDAB <vacatures@vdab.be>", "Werk.nl <noreply@werk.nl>"]
PREP_SENDERS = ["Sollicitatietraining.nl <info@sollicitatietraining.nl>", "Carrièrecoach <hallo@carrierecoach.nl>", "TechPrep <hoi@techprep.io>"]
SERVICES = ["PostNL <noreply@postnl.nl>", "NS <noreply@ns.nl>", "ING <info@ing.nl>", "bol.com <klantenservice@bol.com>",
            "Thuisbezorgd.nl <noreply@thuisbezorgd.nl>", "Zorgdomein <afspraak@zorgdomein.nl>"]
AGENCIES = ["Randstad Professionals", "YoungCapital", "Talentvinder", "Brunel Recruitment"]

FAM = {
    "ack_note": {
        "subj": ["Uw sollicitatie als {role}", "Ontvangstbevestiging sollicitatie", "Sollicitatie ontvangen – {role}", "Bedankt voor je sollicitatie bij {co}!"],
        "short": ["Dank je, je cv is binnen! Ik stuur het door naar het team en laat van me horen zodra ik feedback heb.",
                  "Ontvangen, dank je. We verzamelen nog sollicitaties, dus het kan een week of twee duren.",
                  "Top, bedankt – je zit nu in de procedure voor {role}.", "Binnen, dank! Ik laat het weten als het team verder wil."],
        "long": ["Hierbij bevestigen wij de ontvangst van uw sollicitatie voor de functie {role}. Wij bekijken uw gegevens zorgvuldig en laten binnen enkele weken van ons horen.",
                 "Uw sollicitatie ligt nu bij de afdeling. Vanwege het grote aantal reacties kunnen wij niet iedereen persoonlijk antwoorden; als uw profiel aansluit, nemen wij contact met u op.",
                 "Uw sollicitatie is doorgestuurd naar het recruitmentteam. Hoort u binnen vier weken niets van ons, dan bewaren wij uw gegevens voor toekomstige vacatures.",
                 "Bedankt voor je sollicitatie! We kijken rustig naar je cv en laten je uiterlijk over drie weken iets weten."],
        "extra": ["Helaas kunnen wij in deze fase geen persoonlijke feedback geven.", "De status van uw sollicitatie kunt u volgen in het portaal.",
                  "De vacature blijft open staan totdat deze is vervuld."],
    },
    "assessment": {
        "subj": ["Volgende stap: praktijkopdracht", "Online assessment voor {role}", "Je opdracht voor de volgende ronde", "Coding challenge – {co}"],
        "short": ["Als volgende stap hebben we een thuisopdracht voor je: {link}. Je hebt {n} dagen, meer dan 3-4 uur zou het niet moeten kosten.",
                  "Het team wil je eerst een korte online test op {tool} laten doen. De link krijg je in een aparte mail.",
                  "Hierna volgt een schriftelijke case. De opdracht zit in de bijlage – laat maar weten wanneer je hem hebt ingeleverd."],
        "long": ["Als volgende stap in de procedure vragen wij u een online assessment te maken op {tool}. Dit duurt ongeveer 60 minuten en moet vóór {deadline} zijn afgerond.",
                 "Wij vragen u de bijgevoegde praktijkopdracht uit te werken en binnen {n} dagen in het portaal te uploaden. Wij beoordelen alle inzendingen voordat we over de vervolgstappen beslissen.",
                 "Voordat we verdergaan, vragen wij alle kandidaten een capaciteitentest en een persoonlijkheidsvragenlijst in te vullen. Beide kunt u maken wanneer het u uitkomt."],
        "extra": ["Heeft u aanpassingen nodig voor de test, laat het ons weten.", "Speciale voorbereiding is niet nodig."],
    },
    "interview_invite": {
        "subj": ["Uitnodiging sollicitatiegesprek – {role}", "Uitnodiging kennismakingsgesprek", "Uw sollicitatie: uitnodiging voor een gesprek", "{co} – eerste gesprek"],
        "subj_casual": ["Even kennismaken?", "{role} – volgende stap", "Zin in een belletje?", "Je sollicitatie 🙂"],
        "short": ["Heb je deze week een half uur voor een kort belletje? {slots}", "Het team was enthousiast over je profiel – past {when} voor een eerste gesprek?",
                  "Kunnen we {day} even 20 minuten bellen? Gewoon kennismaken, niets voorbereiden.",
                  "De teamleider wil graag met u kennismaken! Komt {when} u uit?", "Heeft u {when} tijd voor een kort telefonisch gesprek? Ik bel u op het nummer uit uw cv."],
        "long": ["Graag nodigen wij u uit voor een sollicitatiegesprek voor de functie {role} op {when}. Het gesprek vindt plaats via {platform} en duurt ongeveer {dur} minuten.",
                 "Na het bekijken van uw cv nodigen wij u graag uit voor een eerste gesprek met {mgr} en een collega uit het team, op {when}.",
                 "Wij maken graag nader kennis met u. Laat u ons weten of {when} schikt voor een eerste gesprek, of stel een ander moment voor?",
                 "Uw sollicitatie sprak ons aan en het team wil graag met u kennismaken. Kies via deze link een moment voor een videogesprek van {dur} minuten: {link}"],
        "ats": ["U bent uitgenodigd om een sollicitatiegesprek ({role}) in te plannen. Kies hier een moment dat u uitkomt: {link}",
                "Goed nieuws! Het team wil graag een gesprek met u. Via onderstaande link plant u zelf een moment in.\n{link}"],
        "cal_title": ["Telefonisch gesprek – {role}", "Kennismaking: {cand} / {co}", "Sollicitatiegesprek met {mgr}", "Eerste gesprek {co}"],
        "cal_note": ["We kijken uit naar het gesprek!", "Log een paar minuten van tevoren in."],
        "extra": ["Neemt u een geldig identiteitsbewijs mee.", "Laat het ons weten als u ondersteuning nodig heeft.", "{mgr}, die het team leidt, schuift ook aan."],
    },
    "interview_schedule": {
        "subj": ["Bevestiging sollicitatiegesprek", "Verzetten van uw gesprek", "Nieuw tijdstip: uw gesprek bij {co}", "Kunnen we ons gesprek verzetten?"],
        "subj_casual": ["kleine wijziging", "gesprek morgen", "Ander tijdstip?", "{day}"],
        "short": ["Dan zetten we {when} vast – de uitnodiging komt eraan.", "Er is bij ons iets tussengekomen – kunnen we donderdag verzetten naar {when}?",
                  "{when} past prima, uitnodiging is verstuurd.", "Sorry voor het geschuif! {mgr} is ziek, kunnen we naar {when}?",
                  "Korte vraag: {day} om {time} of liever de ochtend erna?", "Staat: {when}. Zelfde link als de vorige keer."],
        "long": ["Helaas moeten wij uw sollicitatiegesprek van deze week verzetten. Zou {when} u schikken?",
                 "Hierbij bevestigen wij uw gesprek voor de functie {role} op {when}. De link vindt u hier: {link}",
                 "Dank voor het doorgeven van uw beschikbaarheid. Uw gesprek met {mgr} staat nu gepland op {when} ({dur} minuten).",
                 "Kiest u een van de volgende momenten voor het tweede gesprek:\n{slots}"],
        "ats": ["Uw gesprek is ingepland.\n\nFunctie: {role}\nWanneer: {when}\nWaar: {platform} ({link})",
                "Uw gesprek voor de functie {role} is verplaatst naar {when}. Past het nieuwe tijdstip niet, kies dan via de link een ander moment."],
        "cal_title": ["Sollicitatiegesprek: {role} – {co}", "Tweede gesprek met {mgr}", "{cand} / {mgr} (vakafdeling)", "Gesprek {co}"],
        "cal_note": ["Excuses voor het verzetten!", "Heeft u een ander moment nodig, antwoord dan op deze e-mail."],
    },
    "interview_technical": {
        "subj": ["Technisch interview – {role}", "Uitnodiging vakinhoudelijk gesprek", "Volgende ronde: live coding", "Uitnodiging meeloopdag",
                 "Eindgesprek – {role}", "Bespreking van je case"],
        "subj_casual": ["volgende ronde!", "Tech-interview", "Info over het eindgesprek"],
        "short": ["Goed nieuws – de volgende stap is een live-coding-sessie. Past {when}? We gebruiken {platform}.",
                  "Je case viel erg goed! Volgende stap: een uur waarin je hem aan twee developers presenteert – lukt {when}?",
                  "Je zit in de laatste ronde: vier gesprekken op {date}, vanaf {time}.", "Het technische interview staat: {when}. Je krijgt een pair-programming-opdracht.",
                  "Het panel wil u {day} graag spreken. Agenda volgt."],
        "long": ["Graag nodigen wij u uit voor het technische interview voor de functie {role} op {when}. Samen met een van onze engineers lost u een programmeeropdracht op in een gedeelde editor ({tool}).",
                 "De volgende ronde is onze dag op kantoor: een system-design-interview, een live-coding-sessie en een gesprek over uw eerdere projecten met {mgr}. Deze vindt plaats op {date} vanaf {time} op ons kantoor in {city}.",
                 "Wij nodigen u graag uit voor een panelgesprek met drie collega's op {when}. Wilt u een presentatie van tien minuten over uw praktijkopdracht voorbereiden? Die bespreken we daarna samen.",
                 "Gefeliciteerd met het eerste gesprek! Het eindgesprek met {mgr} en onze directeur vindt plaats op {when}."],
        "ats": ["U bent uitgenodigd voor een technisch interview ({role}).\nVorm: live coding ({dur} min)\nWanneer: {when}\nLink: {link}"],
        "cal_title": ["Live-coding-interview – {role}", "System-design-interview", "Dag op kantoor (4 gesprekken) – {co}", "Bespreking praktijkopdracht met {mgr}",
                      "Eindgesprek – {co}", "Technisch interview"],
        "cal_note": ["Zorg dat je ontwikkelomgeving klaarstaat.", "De CoderPad-link delen we aan het begin."],
        "extra": ["Algoritmes uit je hoofd leren hoeft niet – het gaat ons om je aanpak.", "Je mag zelf een programmeertaal kiezen."],
    },
    "offer_explicit": {
        "subj": ["Uw aanbod van {co}", "Arbeidsvoorwaardenvoorstel – {role}", "Ons aanbod aan u", "Jobaanbieding: {role}"],
        "subj_casual": ["Goed nieuws!", "Het aanbod 🎉", "Gefeliciteerd!"],
        "short": ["Wat leuk om te zeggen: we willen je een aanbod doen! De details zitten in de bijlage – zullen we morgen even bellen?",
                  "In de bijlage vindt u ons officiële aanbod. Neem rustig de tijd en bel me bij vragen.",
                  "Het team was unaniem – we willen je de functie van {role} aanbieden!"],
        "long": ["Met veel plezier bieden wij u de functie van {role} bij {co} aan. In de bijlage vindt u ons aanbod met een salaris van {salary} en een startdatum per {start}.",
                 "Na de gesprekken doe ik u graag een aanbod voor de functie {role}. Het aanbod is geldig tot {deadline}.",
                 "Gefeliciteerd! Wij willen u de functie aanbieden. Uw schriftelijke aanbod met alle arbeidsvoorwaarden staat klaar in het kandidatenportaal."],
        "ats": ["U heeft een aanbod ontvangen van {co}. Bekijk en onderteken het hier: {link}", "{co} heeft u een aanbiedingsbrief gestuurd om te ondertekenen via DocuSign."],
        "extra": ["Wilt u het ondertekend terugsturen vóór {deadline}?", "We horen graag voor het einde van volgende week van u."],
    },
    "offer_implicit": {
        "subj": ["Welkom bij {co}!", "Uw arbeidsovereenkomst – {role}", "Volgende stappen: uw start bij {co}", "Arbeidsvoorwaarden en startdatum"],
        "subj_casual": ["zoals besproken", "contractstukken", "We willen je graag in het team!"],
        "short": ["Zoals telefonisch besproken: we zouden het heel leuk vinden als je bij ons komt werken! Het contract zit in de bijlage, starten op {start} past ons goed.",
                  "Korte samenvatting van ons gesprek: vast salaris {salary} plus bonus, start {start}. Geef me je akkoord, dan zet ik het contract klaar.",
                  "Iedereen is enthousiast. Kun je het contract vóór {deadline} tekenen? Dan bestellen we alvast je laptop.",
                  "Fijn dat we net even konden bellen! Hierbij het overzicht van de arbeidsvoorwaarden. Zullen we {start} als eerste werkdag vastzetten?"],
        "long": ["Zoals besproken in ons gesprek, zijn wij verheugd dat u ons team komt versterken als {role}. Bijgaand ontvangt u uw arbeidsovereenkomst ter ondertekening; als startdatum stellen wij {start} voor.",
                 "Bijgaand de arbeidsvoorwaarden zoals besproken: een bruto jaarsalaris van {salary}, 25 vakantiedagen, een dertiende maand en een NS Business Card. Graag ontvangen wij het getekende contract vóór {deadline} retour.",
                 "Het hele team kijkt ernaar uit om u te verwelkomen. HR stuurt u vandaag het contract en de onboardingdocumenten; als eerste werkdag stellen wij {start} voor.",
                 "In aansluiting op de mondelinge afspraak aan de telefoon hierbij de schriftelijke bevestiging: salaris {salary}, hybride werken vanuit {city}, start op {start}."],
        "extra": ["Neemt u op uw eerste dag een geldig identiteitsbewijs en uw BSN mee.", "Uw leidinggevende wordt {mgr}."],
    },
    "rejection_plain": {
        "subj": ["Uw sollicitatie als {role}", "Terugkoppeling op uw sollicitatie", "{co} – uw sollicitatie", "Reactie op uw sollicitatie"],
        "short": ["Bedankt voor je geduld, {cand}. Helaas heeft het team besloten niet verder te gaan met je sollicitatie.",
                  "Even een update: we gaan met je sollicitatie voor {role} helaas niet verder. Bedankt voor je interesse!",
                  "Helaas hebben we gekozen voor kandidaten die nog beter bij het profiel passen."],
        "long": ["Na zorgvuldige afweging moeten wij u helaas laten weten dat wij u niet uitnodigen voor de volgende ronde van de procedure.",
                 "Wij hebben het ons niet makkelijk gemaakt, maar hebben gekozen voor andere kandidaten van wie het profiel beter aansluit bij de functie-eisen.",
                 "Helaas kunnen wij u geen positief bericht geven. Uw gegevens verwijderen wij na vier weken conform de AVG.",
                 "Tot onze spijt moeten wij u meedelen dat de keuze niet op u is gevallen."],
        "extra": ["Wij wensen u veel succes bij het vinden van een passende baan.", "Vanwege het grote aantal sollicitaties kunnen wij helaas geen persoonlijke feedback geven."],
    },
    "rejection_after_interview": {
        "subj": ["Terugkoppeling na ons gesprek", "Uw gesprek bij {co}", "{role} – ons besluit", "Bedankt voor de gesprekken"],
        "subj_casual": ["update", "ons gesprek", "Nieuws over de vacature"],
        "short": ["Nogmaals dank voor alle tijd die je in de gesprekken hebt gestoken. We hebben inmiddels een andere kandidaat een aanbod gedaan, dus voor jou houdt het hier helaas op.",
                  "Het spijt me, maar we hebben gekozen voor iemand met ervaring die net iets beter aansluit bij wat we nu nodig hebben.",
                  "Het was heel close – uiteindelijk bleven jij en een andere kandidaat over, en zij heeft de functie aangenomen."],
        "long": ["Hartelijk dank voor het gesprek voor de functie {role}. Het was een lastige keuze, maar wij hebben de functie aangeboden aan een andere kandidaat, die inmiddels heeft getekend.",
                 "Wij hebben u in de procedure met plezier leren kennen. Na lang wikken en wegen hebben wij echter besloten de functie anders in te vullen.",
                 "Na het eindgesprek heeft de commissie besloten de procedure met u niet voort te zetten. Uw voorbereiding maakte indruk en wij houden graag contact."],
        "extra": ["Als je feedback op de gesprekken wilt, bel ik je graag even.", "We zouden het leuk vinden om bij toekomstige vacatures weer van je te horen."],
    },
    "offer_withdrawn": {
        "subj": ["Belangrijke informatie over uw aanbod", "Over de functie {role}", "Wijziging in onze personeelsplanning", "Uw aanbod – update"],
        "short": ["Het spijt me echt, maar door een vacaturestop moeten we het aanbod van vorige week intrekken.",
                  "Helaas slecht nieuws: de functie vervalt na de reorganisatie, dus je start op {start} gaat niet door.",
                  "Ik schrijf dit niet graag – de directie heeft alle aanwervingen stopgezet en het aanbod wordt ingetrokken."],
        "long": ["Als gevolg van een onverwachte reorganisatie moeten wij ons aanbod voor de functie {role} helaas intrekken.",
                 "Hierbij laten wij u weten dat de functie {role} is komen te vervallen door een bedrijfsbrede vacaturestop. Een indiensttreding is daarom helaas niet mogelijk.",
                 "Helaas kon de screening (VOG) niet met een positief resultaat worden afgerond, waardoor wij ons voorwaardelijke aanbod moeten intrekken."],
    },
    "job_alerts": {
        "subj": ["{n} nieuwe vacatures voor \"{role_plain}\" in {city}", "Vacatures die bij je passen", "Nieuw: {role2} bij {co2} en meer", "Je dagelijkse vacaturemelding"],
        "long": ["Dit zijn de nieuwe vacatures voor je zoekopdracht \"{role_plain}\".", "Op basis van je profiel zijn deze vacatures misschien interessant:",
                 "Werkgevers in de buurt van {city} zoeken een {role_plain}. Solliciteer als een van de eersten!"],
        "ats": ["Je zit in de talentpool van {co2}. Deze week nieuw:\n{role2} – {city}\n{role3} – thuiswerken",
                "Er is zojuist een vacature geplaatst die past bij je zoekopdracht: {role2} bij {co2}. Solliciteer met één klik."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Snel solliciteren", "{role2} ({co2}), 2 dagen geleden geplaatst"],
        "extra": ["Vroeg solliciteren vergroot je kans.", "Salarisindicatie beschikbaar voor 3 van deze vacatures."],
    },
    "prep_marketing": {
        "subj": ["Zo overtuig je in je volgende sollicitatiegesprek", "Gratis webinar: salarisonderhandeling", "Je proefgesprek is geboekt",
                 "Alleen vandaag: 40% korting op sollicitatietraining", "De 5 meest gestelde vragen in een sollicitatiegesprek"],
        "subj_casual": ["Je oefengesprek", "Oefening baart kunst"],
        "short": ["Je oefengesprek met coach {coach} is bevestigd voor {when}. Het is een proefgesprek – er is geen werkgever bij betrokken.",
                  "Bedankt voor het boeken van een technisch oefeninterview! Je oefenpartner ziet je op {when}.",
                  "Klaar voor je sollicitaties? Doe mee aan onze gratis live workshop op {date} en oefen je antwoorden met een coach."],
        "long": ["Zenuwachtig voor sollicitatiegesprekken? Onze coaches hielpen al meer dan 10.000 mensen aan een baan. Boek nu een oefengesprek met persoonlijke feedback.",
                 "Meld je aan voor ons gratis webinar op {date}: jezelf presenteren, salaris onderhandelen en de juiste follow-upmail.",
                 "Deze week in de nieuwsbrief: de STAR-methode, je voorbereiden op een live-coding-interview en goede vragen aan het eind van het gesprek."],
        "cal_title": ["Oefengesprek met {coach}", "Webinar: zelfverzekerd op sollicitatiegesprek", "Proefinterview (system design)", "Sollicitatiecoaching"],
        "items": ["▶ De 7 meest gestelde vragen", "▶ Zo volg je een gesprek goed op", "▶ Je eerste salaris onderhandelen"],
        "extra": ["Met code KLAAR40 krijg je 40% korting.", "Vol = vol."],
    },
    "cold_outreach": {
        "subj": ["Functie als {other_role}", "Mooie vacature bij een klant", "Open voor iets nieuws?", "Je profiel viel me op"],
        "short": ["Ik kwam je profiel tegen en denk dat je uitstekend past bij een functie als {other_role} bij een van mijn klanten. Zin in een kort belletje?",
                  "Ik stuur je nog even een berichtje voor het geval mijn vorige mail is ondergesneeuwd – de functie als {other_role} is nog open.",
                  "Ik zoek een {other_role}, volledig remote, tot {salary}. Interesse?"],
        "long": ["Als recruiter gespecialiseerd in IT help ik op dit moment een snelgroeiend bedrijf in {city} met het vinden van een {other_role}. Uw achtergrond sluit daar goed op aan. Staat u open voor een vrijblijvend gesprek?",
                 "Wij helpen bedrijven met het bouwen van hun teams en ik vertegenwoordig momenteel meerdere werkgevers die {other_role}-profielen zoeken. Staat u open voor iets nieuws, laat dan weten wanneer het u schikt."],
    },
    "personal": {
        "subj": ["Zaterdag?", "Je pakket is onderweg", "Herinnering afspraak", "Je maandoverzicht staat klaar", "Leesclub"],
        "short": ["Ja! Zaterdag kan. Zullen we om 10 uur bij het station afspreken?", "Haha, leuke foto's. Stuur je die bij het meer?",
                  "Donderdag lukt me helaas niet – volgende week?", "Ik heb om half acht gereserveerd. Tot dan!"],
        "long": ["Je pakket {ref} is verzonden en wordt naar verwachting op {date} bezorgd.", "Herinnering: uw afspraak is op {when}. Komt u 10 minuten eerder?",
                 "Je maandoverzicht staat klaar in de app.", "Bedankt voor je bestelling! Je tickets zitten in de bijlage."],
        "cal_title": ["Tandarts controle", "Kapper", "Dierenarts – Bobbie", "Ouderavond", "Leesclub"],
    },
}
