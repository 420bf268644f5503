#!/usr/bin/env python3
"""Writes the company/role extraction set: data/extract/companies.jsonl.

Deterministic (fixed seed, no clock): the same script writes the same bytes.
Each row is one email (subject, from, date, body) with its gold "company"
(legal form dropped, as the training corpus writes it) and "role" (gender tag
such as "(m/w/d)" dropped), plus "lang" and "family".

It exists to test extraction on mail laid out unlike data/train/emails.jsonl
(tools/corpus/): other companies, other roles, and five layouts the corpus
has little of, in seven languages (en, de, es, fr, pt, nl, it):

  ats_vendor    an applicant-tracking system sends ("Acme via Greenhouse",
                "Acme Recruiting", "Talent Acquisition at Acme", or only the
                vendor's name, "Personio"); the vendor is never the company
  sig_block     a recruiter writes from a domain that does not spell the
                company (a group or an acronym); the company is only in the
                signature block, with its legal form and an address
  lead_in       the company follows a preposition of the language ("bei",
                "chez", "en", "bij", "presso", "na"), the sender is a person
  job_board     a job board relays the application (LinkedIn, Indeed,
                StepStone, InfoJobs, Welcome to the Jungle): the board is
                never the company
  name_trap     the candidate's full name is in the greeting and the sign-off
                quotes it; the company is in the subject

Usage: tools/gen_company_set.py [OUT]   (default data/extract/companies.jsonl)
"""
import json
import os
import random
import sys

SEED = 20261208

# lang -> companies (as written in the mail, gold), roles (as written, gold),
# candidate names, recruiter names, titles, and the sentences of each layout.
L = {
    "en": dict(
        co=[("Harrowgate Analytics Ltd", "Harrowgate Analytics"), ("Bluefinch Systems Inc.", "Bluefinch Systems"),
            ("Copperleaf Health LLC", "Copperleaf Health"), ("Stonemere Insurance", "Stonemere Insurance"),
            ("Vantor Logistics Ltd.", "Vantor Logistics"), ("Ridgeway Foods Inc", "Ridgeway Foods")],
        roles=[("Senior Data Engineer", "Senior Data Engineer"), ("Customer Success Manager", "Customer Success Manager"),
               ("Payroll Specialist", "Payroll Specialist"), ("Site Reliability Engineer", "Site Reliability Engineer")],
        cand=["Jordan Ellis", "Priya Raman", "Sam Whitaker"], rec=["Hannah Cole", "Marcus Reid", "Olivia Grant"],
        title=["Talent Acquisition Partner", "Senior Recruiter", "HR Business Partner"],
        hi="Hi {first},", bye="Best regards,", ack="Thank you for applying for the {role} position. We will review your application and get back to you.",
        lead="Thanks again for your interest in a role at {co}. I'd like to set up a short call about the {role} position next week.",
        sig_note="Thanks for your time on the phone today. I'll send the next steps for the {role} position by Friday.",
        board_subj="Your application was sent to {co}", board_body="Your application for {role} was sent to {co}.\n\n{role}\n{co} · {city}",
        trap_subj="Your application to {co}", trap_body="Dear {cand},\n\nwe received your application for the {role} position and will be in touch soon.",
        team="Recruiting", street="12 Kings Road, Leeds", city="London"),
    "de": dict(
        co=[("Falkenstein Robotik GmbH", "Falkenstein Robotik"), ("Lindwurm Versicherung AG", "Lindwurm Versicherung"),
            ("Seeblick Hotels GmbH & Co. KG", "Seeblick Hotels"), ("Quellwerk Energie SE", "Quellwerk Energie"),
            ("Holzapfel Verlag", "Holzapfel Verlag"), ("Brückner Medizintechnik GmbH", "Brückner Medizintechnik")],
        roles=[("Softwareentwicklerin Embedded (m/w/d)", "Softwareentwicklerin Embedded"), ("Lagerlogistiker (m/w/d)", "Lagerlogistiker"),
               ("Referent Personalentwicklung (w/m/d)", "Referent Personalentwicklung"), ("Werkstudent Datenanalyse (m/w/d)", "Werkstudent Datenanalyse")],
        cand=["Jana Vogel", "Emre Kaya", "Paul Schmitt"], rec=["Anke Bauer", "Sven Richter", "Miriam Ott"],
        title=["Personalreferentin", "Recruiterin", "HR Business Partner"],
        hi="Hallo {first},", bye="Viele Grüße", ack="vielen Dank für Ihre Bewerbung auf die Stelle als {role}. Wir prüfen Ihre Unterlagen und melden uns bei Ihnen.",
        lead="vielen Dank für Ihr Interesse an einer Mitarbeit bei {co}. Gern würde ich mit Ihnen über die Position {role} sprechen.",
        sig_note="danke für das nette Telefonat. Die nächsten Schritte zur Stelle als {role} schicke ich Ihnen bis Freitag.",
        board_subj="Ihre Bewerbung bei {co}", board_body="Ihre Bewerbung als {role} wurde an {co} gesendet.\n\n{role}\n{co} · {city}",
        trap_subj="Ihre Bewerbung bei {co}", trap_body="Sehr geehrte/r {cand},\n\nwir haben Ihre Bewerbung für die Position {role} erhalten.",
        team="Karriere", street="Hafenstraße 12, 20457 Hamburg", city="Hamburg"),
    "es": dict(
        co=[("Aceites Guadalquivir S.L.", "Aceites Guadalquivir"), ("Construcciones Albero S.A.", "Construcciones Albero"),
            ("Seguros Miramar S.A.", "Seguros Miramar"), ("Textiles Navarra S.L.U.", "Textiles Navarra"),
            ("Dataluna Analítica", "Dataluna Analítica"), ("Bodegas Ribera Alta S.L.", "Bodegas Ribera Alta")],
        roles=[("Técnica de Selección", "Técnica de Selección"), ("Ingeniero de Datos", "Ingeniero de Datos"),
               ("Responsable de Compras", "Responsable de Compras"), ("Analista de Riesgos", "Analista de Riesgos")],
        cand=["Lucía Herrera", "Diego Morales", "Carmen Vidal"], rec=["Elena Castillo", "Sergio Prieto", "Nuria Pascual"],
        title=["Técnica de Selección", "Responsable de Talento", "HR Business Partner"],
        hi="Hola {first}:", bye="Un saludo,", ack="gracias por presentar su candidatura al puesto de {role}. Revisaremos su perfil y le contestaremos pronto.",
        lead="gracias por tu interés en trabajar en {co}. Me gustaría hablar contigo sobre el puesto de {role} la próxima semana.",
        sig_note="gracias por la llamada de hoy. Te envío los siguientes pasos del puesto de {role} antes del viernes.",
        board_subj="Tu candidatura se ha enviado a {co}", board_body="Tu candidatura para {role} se ha enviado a {co}.\n\n{role}\n{co} · {city}",
        trap_subj="Su candidatura en {co}", trap_body="Estimado/a {cand}:\n\nhemos recibido su candidatura para el puesto de {role}.",
        team="Empleo", street="Calle Mayor 12, 28013 Madrid", city="Sevilla"),
    "fr": dict(
        co=[("Verrerie Dumas SAS", "Verrerie Dumas"), ("Mutuelle Atlantique SA", "Mutuelle Atlantique"),
            ("Boulangeries Lemaire SARL", "Boulangeries Lemaire"), ("Optique Belval", "Optique Belval"),
            ("Cimentel SA", "Cimentel"), ("Hôtellerie des Alpes SAS", "Hôtellerie des Alpes")],
        roles=[("Chargée de communication (H/F)", "Chargée de communication"), ("Ingénieur qualité (F/H)", "Ingénieur qualité"),
               ("Gestionnaire de paie (H/F)", "Gestionnaire de paie"), ("Développeur mobile (H/F)", "Développeur mobile")],
        cand=["Léa Fontaine", "Mehdi Saïdi", "Lucas Perrin"], rec=["Sandrine Caron", "Vincent Marchand", "Émilie Blanc"],
        title=["Chargée de recrutement", "Responsable RH", "Talent Acquisition Manager"],
        hi="Bonjour {first},", bye="Cordialement,", ack="nous vous remercions pour votre candidature au poste de {role}. Nous l'étudions et revenons vers vous rapidement.",
        lead="merci pour votre intérêt pour un poste chez {co}. Je souhaiterais échanger avec vous sur le poste de {role} la semaine prochaine.",
        sig_note="merci pour notre échange téléphonique. Je vous envoie les prochaines étapes pour le poste de {role} d'ici vendredi.",
        board_subj="Votre candidature a été envoyée à {co}", board_body="Votre candidature pour {role} a été envoyée à {co}.\n\n{role}\n{co} · {city}",
        trap_subj="Votre candidature chez {co}", trap_body="Madame, Monsieur {cand},\n\nnous avons bien reçu votre candidature au poste de {role}.",
        team="Recrutement", street="12 rue de la République, 69002 Lyon", city="Lyon"),
    "pt": dict(
        co=[("Cerâmica Atlântica Lda", "Cerâmica Atlântica"), ("Transportes Serra Azul Ltda.", "Transportes Serra Azul"),
            ("Banco Pinheiral S.A.", "Banco Pinheiral"), ("Sabores do Minho Lda.", "Sabores do Minho"),
            ("Nuvem Clara Tecnologia Ltda", "Nuvem Clara Tecnologia"), ("Farmácias Bem-Estar", "Farmácias Bem-Estar")],
        roles=[("Analista de Dados", "Analista de Dados"), ("Engenheira de Software", "Engenheira de Software"),
               ("Assistente de Recursos Humanos", "Assistente de Recursos Humanos"), ("Coordenador de Logística", "Coordenador de Logística")],
        cand=["Beatriz Lopes", "Rafael Cunha", "Marta Silva"], rec=["Joana Ribeiro", "Bruno Teixeira", "Carla Mendes"],
        title=["Recrutadora", "Analista de Recrutamento", "HR Business Partner"],
        hi="Olá {first},", bye="Atenciosamente,", ack="obrigado pela sua candidatura à vaga de {role}. Vamos analisar o seu perfil e retornaremos em breve.",
        lead="obrigado pelo seu interesse em trabalhar na {co}. Gostaria de conversar sobre a vaga de {role} na próxima semana.",
        sig_note="obrigado pela conversa de hoje. Envio os próximos passos da vaga de {role} até sexta-feira.",
        board_subj="Sua candidatura foi enviada para {co}", board_body="Sua candidatura para {role} foi enviada para {co}.\n\n{role}\n{co} · {city}",
        trap_subj="Sua candidatura na {co}", trap_body="Prezado(a) {cand},\n\nrecebemos sua candidatura para a vaga de {role}.",
        team="Carreiras", street="Rua Augusta 12, 1100-053 Lisboa", city="Porto"),
    "nl": dict(
        co=[("Dijkstra Installatietechniek B.V.", "Dijkstra Installatietechniek"), ("Zeeland Verzekeringen N.V.", "Zeeland Verzekeringen"),
            ("Tulpveld Software B.V.", "Tulpveld Software"), ("Kaasboerderij Hoeve", "Kaasboerderij Hoeve"),
            ("Polderwind Energie BV", "Polderwind Energie"), ("Groenhart Zorg", "Groenhart Zorg")],
        roles=[("Medewerker financiële administratie", "Medewerker financiële administratie"), ("Data-analist", "Data-analist"),
               ("Projectleider infra", "Projectleider infra"), ("Servicemonteur elektrotechniek", "Servicemonteur elektrotechniek")],
        cand=["Sanne Visser", "Bram de Boer", "Yara Haddou"], rec=["Ingrid Smit", "Koen Mulder", "Femke Bos"],
        title=["Recruiter", "HR-adviseur", "Corporate Recruiter"],
        hi="Hoi {first},", bye="Met vriendelijke groet,", ack="bedankt voor je sollicitatie op de functie van {role}. We bekijken je cv en laten snel van ons horen.",
        lead="dank voor je interesse in een baan bij {co}. Ik wil graag volgende week met je bellen over de functie van {role}.",
        sig_note="bedankt voor het fijne telefoongesprek. Ik stuur je de volgende stappen voor de functie van {role} voor vrijdag.",
        board_subj="Je sollicitatie is verzonden naar {co}", board_body="Je sollicitatie voor {role} is verzonden naar {co}.\n\n{role}\n{co} · {city}",
        trap_subj="Je sollicitatie bij {co}", trap_body="Beste {cand},\n\nwe hebben je sollicitatie voor de functie van {role} ontvangen.",
        team="Werken bij", street="Keizersgracht 12, 1015 CS Amsterdam", city="Utrecht"),
    "it": dict(
        co=[("Tessiture Brembo S.p.A.", "Tessiture Brembo"), ("Pastificio Lucano S.r.l.", "Pastificio Lucano"),
            ("Assicurazioni Laguna S.p.A.", "Assicurazioni Laguna"), ("Officine Adriatiche Srl", "Officine Adriatiche"),
            ("Cantina Monteverde", "Cantina Monteverde"), ("Nebbia Digitale S.r.l.", "Nebbia Digitale")],
        roles=[("Addetta alla contabilità", "Addetta alla contabilità"), ("Sviluppatore Java", "Sviluppatore Java"),
               ("Responsabile Acquisti", "Responsabile Acquisti"), ("Tecnico Manutentore", "Tecnico Manutentore")],
        cand=["Giulia Ferri", "Marco Rinaldi", "Sofia Galli"], rec=["Chiara Moretti", "Luca Barbieri", "Elisa Conti"],
        title=["Talent Acquisition Specialist", "HR Recruiter", "Responsabile Selezione"],
        hi="Gentile {first},", bye="Cordiali saluti,", ack="la ringraziamo per la candidatura alla posizione di {role}. Valuteremo il suo profilo e le daremo riscontro a breve.",
        lead="grazie per l'interesse a lavorare presso {co}. Vorrei fissare una breve telefonata sulla posizione di {role} la prossima settimana.",
        sig_note="grazie per la telefonata di oggi. Le invio i prossimi passi per la posizione di {role} entro venerdì.",
        board_subj="La tua candidatura è stata inviata a {co}", board_body="La tua candidatura per {role} è stata inviata a {co}.\n\n{role}\n{co} · {city}",
        trap_subj="La sua candidatura presso {co}", trap_body="Gentile {cand},\n\nabbiamo ricevuto la sua candidatura per la posizione di {role}.",
        team="Lavora con noi", street="Via Roma 12, 20121 Milano", city="Milano"),
}

ATS = [("greenhouse.io", "no-reply", "{co} via Greenhouse"), ("lever.co", "notifications", "{co} {team}"),
       ("smartrecruiters.com", "noreply", "Talent Acquisition at {co}"), ("personio.de", "noreply", "Personio"),
       ("teamtailor-mail.com", "no-reply", "Teamtailor"), ("workablemail.com", "noreply", "{co} - {team}")]
BOARDS = [("LinkedIn", "jobs-noreply@linkedin.com"), ("Indeed", "noreply@indeed.com"), ("StepStone", "noreply@stepstone.de"),
          ("InfoJobs", "notificaciones@infojobs.net"), ("Welcome to the Jungle", "no-reply@welcometothejungle.com")]
SUBJ = {"en": "Your application", "de": "Ihre Bewerbung", "es": "Su candidatura", "fr": "Votre candidature",
        "pt": "Sua candidatura", "nl": "Je sollicitatie", "it": "La sua candidatura"}
RE = {"en": "Re: Next steps", "de": "AW: Nächste Schritte", "es": "RE: Próximos pasos", "fr": "RE: Prochaines étapes",
      "pt": "RE: Próximos passos", "nl": "Re: Vervolgstappen", "it": "R: Prossimi passi"}
FAMILIES = ["ats_vendor", "sig_block", "lead_in", "job_board", "name_trap"]
PER_CELL = 12


def fold(s):
    tr = str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüçñß", "aaaaaaeeeeiiiiooooouuuucns")
    return "".join(c for c in s.lower().translate(tr) if c.isalnum())


def acronym(s):
    return "".join(w[0] for w in s.split() if w[0].isalpha()).lower()


def row(R, lang, fam):
    d = L[lang]
    co_disp, co = R.choice(d["co"])
    role_disp, role = R.choice(d["roles"])
    cand = R.choice(d["cand"])
    rec = R.choice(d["rec"])
    first = cand.split()[0]
    tld = {"en": ".com", "de": ".de", "es": ".es", "fr": ".fr", "pt": ".pt", "nl": ".nl", "it": ".it"}[lang]
    f = dict(co=co_disp, role=role_disp, cand=cand, first=first, city=d["city"], team=d["team"])
    hi, bye = d["hi"].format(**f), d["bye"]
    if fam == "ats_vendor":
        dom, local, disp = R.choice(ATS)
        sender = f'{disp.format(co=co, team=d["team"])} <{local}@{dom}>'
        subject = SUBJ[lang] + (f" – {role_disp}" if R.random() < 0.5 else "")
        body = f'{hi}\n\n{d["ack"].format(**f)}\n\n{bye}\n{co_disp}\n\nPowered by {dom.split(".")[0].split("-")[0].capitalize()}'
    elif fam == "sig_block":
        sender = f"{rec} <{rec.split()[0].lower()}.{fold(rec.split()[-1])}@{acronym(co) or 'grp'}-group{tld}>"
        subject = RE[lang]
        body = f'{hi}\n\n{d["sig_note"].format(**f)}\n\n{bye}\n{rec}\n{R.choice(d["title"])}\n{co_disp}\n{d["street"]}'
    elif fam == "lead_in":
        sender = f"{rec} <{fold(rec.split()[-1])}@{acronym(co)}{tld}>"
        subject = RE[lang]
        body = f'{hi}\n\n{d["lead"].format(**f)}\n\n{bye}\n{rec}'
    elif fam == "job_board":
        name, addr = R.choice(BOARDS)
        sender = f"{name} <{addr}>"
        subject = d["board_subj"].format(**f)
        body = d["board_body"].format(**f)
    else:
        sender = f"{rec} <{fold(rec.split()[-1])}@{fold(co)}{tld}>"
        subject = d["trap_subj"].format(**f)
        body = f'{d["trap_body"].format(**f)}\n\n{bye}\n{rec}\n\n> {cand}\n> {cand.lower().replace(" ", ".")}@gmail.com'
    date = f"Tue, {R.randint(1, 28)} Oct 2026 {R.randint(8, 18):02d}:{R.choice(['00', '15', '30', '45'])}:00 +0100"
    return {"subject": subject, "from": sender, "date": date, "body": body, "company": co, "role": role,
            "lang": lang, "family": fam}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "extract", "companies.jsonl")
    R = random.Random(SEED)
    rows = [row(R, lang, fam) for lang in L for fam in FAMILIES for _ in range(PER_CELL)]
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            r = {"id": f"co-{i:04d}", **r}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
