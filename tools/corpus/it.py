"""Testi in italiano (Lei nelle lettere e nelle mail automatiche, tu nei
messaggi brevi e nelle start-up; annunci con "(m/f)") per
tools/corpus/engine.py. Scritti per CareerOps; nessuna frase proviene da una
casella di posta reale."""
CODE = "it"

COMPANIES = [("Rossi Logistica S.r.l.", "Rossi Logistica"), ("Banca del Lago", "Banca del Lago"), ("Officine Bernardi S.p.A.", "Officine Bernardi"),
             ("Vigneti Colle Alto", "Vigneti Colle Alto"), ("Ponte Digitale", "Ponte Digitale"), ("Clinica San Marco", "Clinica San Marco"),
             ("Assicurazioni Aurora", "Assicurazioni Aurora"), ("Pastificio Martelli", "Pastificio Martelli"), ("Energia Dolomiti S.p.A.", "Energia Dolomiti"),
             ("Lucciola Software", "Lucciola Software"), ("Trasporti Adriatico", "Trasporti Adriatico"), ("Moda Ferretti", "Moda Ferretti"),
             ("Datalab Torino S.r.l.", "Datalab Torino"), ("Farmacia Centrale", "Farmacia Centrale"), ("Gruppo Tirreno", "Gruppo Tirreno")]
ROLES = [("Sviluppatore Backend (m/f)", "Sviluppatore Backend"), ("Data Analyst (m/f)", "Data Analyst"), ("Project Manager (m/f)", "Project Manager"),
         ("Ingegnere del Software", "Ingegnere del Software"), ("Impiegata Amministrativa", "Impiegata Amministrativa"), ("Addetto al Customer Care", "Addetto al Customer Care"),
         ("Responsabile Marketing", "Responsabile Marketing"), ("Contabile (m/f)", "Contabile"), ("UX Designer", "UX Designer"),
         ("Sistemista Linux", "Sistemista Linux"), ("Commerciale Estero", "Commerciale Estero"), ("Analista Finanziario", "Analista Finanziario"),
         ("Sviluppatrice Frontend", "Sviluppatrice Frontend"), ("Data Engineer (m/f)", "Data Engineer"), ("Tecnico di Laboratorio", "Tecnico di Laboratorio")]
CANDIDATES = [("Giulia", "Bianchi"), ("Marco", "Colombo"), ("Chiara", "Ricci"), ("Luca", "Esposito"), ("Francesca", "Romano"), ("Matteo", "Gallo")]
FIRST = ["Elisa", "Andrea", "Silvia", "Davide", "Valentina", "Stefano", "Federica", "Alessandro", "Martina", "Paolo", "Sara", "Simone", "Laura", "Giorgio"]
LAST = ["Conti", "Marino", "Greco", "Bruno", "De Luca", "Costa", "Fontana", "Moretti", "Barbieri", "Lombardi", "Giordano", "Rinaldi"]
TLDS = [".it", ".it", ".com", ".eu"]
TZ = ["+0100", "+0200"]
CITIES = ["Milano", "Roma", "Torino", "Bologna", "Firenze", "Napoli", "Padova", "Bari", "Lugano", "da remoto"]
WEEKDAYS = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
WD_SHORT = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"]
MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"]
MON_SHORT = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]


def fmt_time(dt, R):
    return R.choice([f"{dt.hour:02d}:{dt.minute:02d}", f"{dt.hour}.{dt.minute:02d}", f"{dt.hour}:{dt.minute:02d}"])


def fmt_date(d, R):
    return R.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {MONTHS[d.month - 1]}", f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}",
                     f"{d.day}/{d.month}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} alle {t}", f"{WEEKDAYS[dt.weekday()]} {dt.day}/{dt.month} alle {t}",
                     f"il {dt.day:02d}/{dt.month:02d}/{dt.year} alle ore {t}", f"{WEEKDAYS[dt.weekday()]} alle {t}", f"il {dt.day} {MONTHS[dt.month - 1]}, ore {t}"])


def salary(R):
    return R.choice([f"RAL {R.randint(28, 60)}.000 €", f"{R.randint(30, 65)}k € lordi annui", f"€ {R.randint(1, 3)}.{R.randint(100, 999)} netti al mese"])


QUOTE_GMAIL = "Il giorno {wd} {d} {mon} {y} alle ore {hh2}:{mm} {name} <{email}> ha scritto:"
ORIG = ["-----Messaggio originale-----", "Da:", "Inviato:", "A:", "Oggetto:"]
RE = ["R:", "Re:", "RE:", "Re: R:"]

PREV_SUBJ = {
    "apply": ["Candidatura – {role}", "Candidatura per la posizione di {role}", "CV per {role}", "Candidatura spontanea"],
    "after_call": ["Grazie per la chiacchierata", "In seguito alla nostra telefonata", "{role} – prossimi passi?"],
    "avail": ["Disponibilità", "Orari per il colloquio", "Agenda della prossima settimana"],
    "followup": ["Aggiornamenti sulla mia candidatura", "Sollecito – {role}", "Novità?"],
    "after_final": ["Grazie per il colloquio finale", "Dopo l'ultimo colloquio", "Grazie per l'accoglienza di oggi"],
    "signed": ["Contratto firmato", "Documenti inviati", "Non vedo l'ora di iniziare!"],
    "outreach": ["Posizione come {other_role}", "Il tuo profilo LinkedIn", "Una domanda veloce"],
    "personal": ["Sabato?", "foto del matrimonio", "Compleanno della nonna", "cena di venerdì"],
}
PREV = {
    "apply": ["Gentili Signori,\n\nin allegato il mio CV per la posizione di {role}. Sarei felice di mettere la mia esperienza a disposizione di {co}.",
              "Buongiorno {rf},\n\nho appena inviato la mia candidatura per {role} tramite il vostro sito e volevo presentarmi direttamente.",
              "Buongiorno,\n\nin riferimento al vostro annuncio su InfoJobs, vi invio la mia candidatura per la posizione di {role}."],
    "after_call": ["Ciao {rf},\n\ngrazie mille per il tempo che mi hai dedicato oggi. Mi ha fatto piacere conoscere meglio il team.",
                   "Grazie ancora per la telefonata di stamattina, resto a disposizione per qualsiasi informazione."],
    "avail": ["Ciao {rf}, grazie! Sono libera martedì pomeriggio o giovedì tutto il giorno.", "Perfetto. Potrei:\n{slots}",
              "La prossima settimana sono abbastanza flessibile, tranne lunedì mattina."],
    "followup": ["Gentile {rf},\n\nvolevo chiederle un aggiornamento sulla mia candidatura per la posizione di {role}.",
                 "Buongiorno, ci sono novità sulla mia candidatura di qualche settimana fa?"],
    "after_final": ["Ciao {rf},\n\ngrazie per aver organizzato il colloquio finale di ieri. È stato un piacere conoscere tutto il team.",
                    "Grazie per avermi accolto oggi in ufficio, esco ancora più motivato."],
    "signed": ["Ciao {rf},\n\nho firmato il contratto e l'ho caricato sul portale. Ci vediamo il {start}!",
               "Da parte mia i documenti sono pronti. Fammi sapere se serve altro prima del primo giorno."],
    "outreach": ["Ciao {cand},\n\nsto seguendo una ricerca per un {other_role} per un mio cliente. Ti andrebbe di sentirci?",
                 "Buongiorno {cand}, ho visto il suo profilo e credo sarebbe perfetto per una posizione di {other_role} che sto seguendo."],
    "personal": ["Siete liberi sabato? Pensavamo a una grigliata.", "Finalmente le foto del matrimonio!", "Hai già prenotato per venerdì?"],
}
GREET_CASUAL = ["Ciao {cand},", "Ciao {cand}!", "Buongiorno {cand},", "Ehi {cand},", "{cand},", "Buonasera {cand},"]
GREET_FORMAL = ["Gentile {cand} {cand_last},", "Gentile candidato/a,", "Egregio Dott. {cand_last},", "Gentile Dott.ssa {cand_last},", "Buongiorno {cand} {cand_last},"]
OPEN_FORMAL = ["La ringraziamo per la candidatura alla posizione di {role} presso {co}.", "Grazie per l'interesse dimostrato verso {co}.",
               "Speriamo che stia bene.", "La ringraziamo per il tempo dedicato finora al nostro processo di selezione.",
               "La contattiamo in merito alla posizione di {role} (rif. {ref})."]
CLOSE_FORMAL_LINE = ["Restiamo a disposizione per qualsiasi chiarimento.", "Per qualsiasi domanda può rispondere a questa e-mail.",
                     "La ringraziamo ancora per l'interesse verso {co}.", "Grazie per la pazienza durante il processo."]
SIGN_FORMAL = ["Cordiali saluti,\n\n{rf} {rl}\nUfficio Risorse Umane\n{co}", "Distinti saluti,\n{rf} {rl}\nHR Specialist | {co}",
               "Un cordiale saluto,\nIl team Selezione di {co}", "Cordialmente,\n{rf} {rl}\nTalent Acquisition, {co}\n{city}"]
SIGN_SHORT = ["Un saluto,\n{rf}", "Ciao,\n{rf}", "{rf}", "Grazie,\n{rf}", "A presto, {rf}", "Buona giornata,\n{rf}"]
SIGN_CASUAL = ["A presto,\n{rf}", "Grazie!\n{rf} {rl}\nRecruiter in {co}", "Buona giornata,\n{rf}", "Un saluto,\n{rf}\nPeople Team | {co}"]
SIGN_MGR = ["Un saluto,\n{mgr}\nEngineering Manager, {co}", "Grazie,\n{mf}\nHead of Data | {co}", "A presto,\n{mgr}", "{mf}"]
SIGN_TEAM = ["Il team Selezione di {co}", "{co} Talent Acquisition", "Grazie,\nIl team di {co}", "Ufficio Risorse Umane {co}"]
SENT_FROM = ["Inviato da iPhone", "Inviato da Outlook per Android", "Inviato dal mio smartphone"]
MGR_INTRO = ["Sono {mgr}, responsabile del team in cui lavoreresti come {role}; {rf} mi ha girato la tua candidatura.",
             "Guido il team che sta assumendo e volevo scriverti di persona.", "Sono {mgr}, hiring manager per la posizione di {role} in {co}."]
LEGAL = ["{co} promuove le pari opportunità e la diversità.", "Questo messaggio e i suoi allegati sono riservati e destinati esclusivamente al destinatario.",
         "Informativa privacy ai sensi del GDPR (Reg. UE 2016/679) disponibile su {dom}/privacy."]
ATS_FOOTER = ["Questo è un messaggio automatico, si prega di non rispondere.", "Può seguire lo stato della candidatura nella sua area personale.",
              "Riceve questa e-mail perché si è candidato/a a un annuncio di {co}.", "Powered by inRecruiting"]
ATS_SENDERS = ["{co} <noreply@inrecruiting.com>", "{co} tramite InfoJobs <notifiche@infojobs.it>", "{co} Lavora con noi <lavoraconnoi@{dom}>",
               "{co} <no-reply@altamira.ai>"]
MAILBOXES = ["Lavora con noi {co} <lavoraconnoi@{dom}>", "HR {co} <hr@{dom}>", "Selezione {co} <selezione@{dom}>", "careers@{dom}"]
CAL = {"invite": "Invito", "confirmed": "Confermato", "updated": "Invito aggiornato", "title": "Evento", "when": "Quando",
       "dur": "Durata", "where": "Dove", "organizer": "Organizzatore", "guests": "Invitati",
       "moved": "Questo evento è stato spostato da {old} a {new}.",
       "intro": ["È stato programmato un nuovo evento con {{who}}.", "{cand}, la tua prenotazione è confermata.", "È stato/a invitato/a al seguente evento."],
       "changes": "Devi fare delle modifiche?", "resched": "Riprogramma", "cancel": "Annulla", "powered": "Inviato da {tool}"}
PERSONAL_PLACES = ["Studio Dentistico Sorriso, Via Roma 12", "Parrucchiere Stile", "Clinica Veterinaria Fido", "Biblioteca Comunale"]
UNSUB = ["Annulla iscrizione | Preferenze", "Ricevi questa e-mail perché ti sei iscritto. Cancellati qui.", "Gestisci gli avvisi o annulla l'iscrizione."]
BOARDS = ["Indeed <alert@indeed.com>", "InfoJobs <avvisi@infojobs.it>", "LinkedIn Offerte di lavoro <jobalerts-noreply@linkedin.com>",
          "Subito Lavoro <lavoro@subito.it>", "Monster Italia <alert@monster.it>"]
PREP_SENDERS = ["Colloquio Perfetto <ciao@colloquioperfetto.it>", "Accademia Carriera <info@accademiacarriera.it>", "PrepTech Italia <ciao@preptech.it>"]
SERVICES = ["Poste Italiane <noreply@posteitaliane.it>", "Trenitalia <noreply@trenitalia.it>", "Intesa Sanpaolo <comunicazioni@intesasanpaolo.com>",
            "Amazon.it <conferma-spedizione@amazon.it>", "MioDottore <no-reply@miodottore.it>", "Deliveroo <noreply@deliveroo.it>"]
AGENCIES = ["Gi Group", "Talenti & Partners", "Hunters Italia", "Selezione Tech"]

FAM = {
    "ack_note": {
        "subj": ["La sua candidatura per {role}", "Conferma di ricezione della candidatura", "{co}: grazie per la candidatura", "Candidatura ricevuta ({ref})"],
        "short": ["Grazie {cand}, ricevuto! Lo giro al team e ti faccio sapere appena ho un riscontro.",
                  "Ricevuto, grazie. Stiamo ancora raccogliendo candidature, quindi potrebbero volerci un paio di settimane.",
                  "Grazie per l'invio, sei dentro al processo per {role}.", "Preso, grazie! Ti scrivo se il team vuole andare avanti."],
        "long": ["Confermiamo di aver ricevuto la sua candidatura per la posizione di {role}, che valuteremo con attenzione nelle prossime settimane.",
                 "Il nostro team sta valutando le candidature. Dato l'elevato numero di CV ricevuti, potremmo non riuscire a rispondere a tutti singolarmente; se il suo profilo sarà in linea, la contatteremo.",
                 "La sua candidatura è ora all'attenzione del team di selezione. Se non riceverà notizie entro quattro settimane, conserveremo i suoi dati per future opportunità.",
                 "Ti confermiamo che la tua candidatura per {role} è stata registrata correttamente. Ti contatteremo se il tuo profilo corrisponde a ciò che cerchiamo."],
        "extra": ["Purtroppo in questa fase non possiamo fornire un riscontro individuale.", "Può seguire lo stato della candidatura sul portale.",
                  "L'annuncio resterà aperto fino a copertura della posizione."],
    },
    "assessment": {
        "subj": ["Prossimo passo: esercizio tecnico", "Il suo test online – {co}", "Coding challenge – {role}", "Azione richiesta: test per {role}"],
        "short": ["Come prossimo passo ti mando l'esercizio da fare a casa: {link}. Hai {n} giorni, non dovrebbero servirti più di 3-4 ore.",
                  "Il team vorrebbe che facessi prima un breve test su {tool}. Il link ti arriva in un'altra mail.",
                  "Il prossimo step è un business case scritto. Ti allego la traccia, fammi sapere quando l'hai consegnato."],
        "long": ["Come prossima fase del processo, la invitiamo a svolgere un test online su {tool}. Dura circa 60 minuti e va completato entro il {deadline}.",
                 "Le chiediamo di svolgere l'esercizio allegato e caricare la soluzione sul portale entro {n} giorni. Valutiamo tutte le consegne prima di decidere i passi successivi.",
                 "Prima di proseguire chiediamo a tutti i candidati di completare un test attitudinale e un questionario di personalità, quando preferisce."],
        "extra": ["Se ha bisogno di accorgimenti particolari per il test, ce lo faccia sapere.", "Non serve alcuna preparazione specifica."],
    },
    "interview_invite": {
        "subj": ["Invito a colloquio – {role}", "Colloquio conoscitivo con {co}", "{role}: primo colloquio", "Convocazione per un colloquio"],
        "subj_casual": ["Ci sentiamo?", "{role} – prossimo step", "Una call veloce?", "Ci è piaciuto il tuo profilo"],
        "short": ["Avresti 30 minuti questa settimana per una call veloce? {slots}", "Al team è piaciuto il tuo profilo – ti andrebbe bene {when} per una prima chiacchierata?",
                  "Possiamo sentirci 20 minuti {day}? Solo per conoscerci, niente da preparare.",
                  "La responsabile del team vorrebbe conoscerla! Le va bene {when}?", "Sarebbe disponibile {when} per un colloquio telefonico? La chiamo al numero del CV."],
        "long": ["Saremmo lieti di invitarla a un colloquio per la posizione di {role}. Si terrà {when} su {platform} e durerà circa {dur} minuti.",
                 "Dopo aver esaminato il suo CV, abbiamo il piacere di invitarla a un primo colloquio con {mgr} e un membro del team, {when}.",
                 "Ci piacerebbe conoscerla meglio. Ci conferma se {when} va bene per un primo colloquio, oppure ci propone un altro orario?",
                 "Il suo profilo ci ha colpito e il team vorrebbe conoscerla. Scelga uno slot per una videochiamata di {dur} minuti qui: {link}"],
        "ats": ["È stato/a invitato/a a fissare un colloquio per {role}. Scelga l'orario che preferisce: {link}",
                "Buone notizie! Il team vorrebbe procedere con un colloquio. Prenoti il suo slot tramite il link qui sotto.\n{link}"],
        "cal_title": ["Colloquio telefonico – {role}", "Prima call: {cand} / {co}", "Colloquio con {mgr} – {role}", "{co} – primo colloquio"],
        "cal_note": ["A presto!", "Si colleghi qualche minuto prima, per favore."],
        "extra": ["Porti con sé un documento d'identità.", "Ci segnali eventuali esigenze particolari.", "Ci sarà anche {mgr}, che guida il team."],
    },
    "interview_schedule": {
        "subj": ["Conferma del colloquio", "Spostamento del suo colloquio", "Nuovo orario: il suo colloquio in {co}", "Possiamo spostare la call?"],
        "subj_casual": ["piccolo cambio", "la call di domani", "Nuovo orario?", "{day}"],
        "short": ["Ti confermo {when} per la chiacchierata con {mgr}. Ti arriva subito l'invito.", "Ci è capitato un imprevisto – riusciamo a spostare giovedì a {when}?",
                  "{when} va benissimo, invito inviato.", "Scusa il cambio! {mgr} è malata, possiamo spostare a {when}?",
                  "Domanda veloce: {day} alle {time} o preferisci la mattina dopo?", "Tutto fissato per {when}. Stesso link dell'altra volta."],
        "long": ["Dobbiamo purtroppo spostare il colloquio previsto per questa settimana. Le andrebbe bene {when}?",
                 "Le confermiamo il colloquio per la posizione di {role}, {when}. Il link per collegarsi è {link}.",
                 "Grazie per la disponibilità. Il suo colloquio con {mgr} è fissato per {when} ({dur} minuti).",
                 "La preghiamo di scegliere uno dei seguenti orari per il secondo colloquio:\n{slots}"],
        "ats": ["Il suo colloquio è stato programmato.\n\nPosizione: {role}\nQuando: {when}\nDove: {platform} ({link})",
                "Il suo colloquio per {role} è stato spostato a {when}. Se il nuovo orario non va bene, ne scelga un altro dal link."],
        "cal_title": ["Colloquio: {role} – {co}", "Secondo colloquio con {mgr}", "{cand} / {mgr} (responsabile)", "Colloquio – {co}"],
        "cal_note": ["Scusi per lo spostamento!", "Risponda a questa mail se le serve un altro orario."],
    },
    "interview_technical": {
        "subj": ["Colloquio tecnico – {role}", "La sua giornata di colloqui in {co}", "Prossimo step: live coding", "Colloquio finale – {role}",
                 "Invito a colloquio con commissione", "Presentazione del tuo esercizio"],
        "subj_casual": ["prossimo round!", "Colloquio tecnico", "Dettagli del colloquio finale"],
        "short": ["Ottime notizie: il prossimo step è una sessione di live coding. Ti va bene {when}? Useremo {platform}.",
                  "Il tuo esercizio è piaciuto molto! Prossimo passo: un'ora per presentarlo a due sviluppatori – riesci {when}?",
                  "Sei al round finale: quattro colloqui il {date}, a partire dalle {time}.", "Il colloquio tecnico è fissato per {when}. Sarà un esercizio di pair programming nel linguaggio che preferisci.",
                  "La commissione vorrebbe incontrarla {day}. Seguirà l'agenda."],
        "long": ["Siamo lieti di invitarla al colloquio tecnico per la posizione di {role}, {when}. Risolverà un problema di programmazione insieme a uno dei nostri ingegneri in un editor condiviso ({tool}).",
                 "La fase successiva è la nostra giornata in sede: un colloquio di system design, una sessione di live coding e una conversazione sui suoi progetti con {mgr}. Si terrà il {date} dalle {time} nel nostro ufficio di {city}.",
                 "Vorremmo invitarla a un colloquio con una commissione di tre persone del team, {when}. Prepari una presentazione di dieci minuti del suo esercizio tecnico, che discuteremo insieme.",
                 "Complimenti per aver superato il primo colloquio! Il colloquio finale sarà con {mgr} e il nostro amministratore delegato, {when}."],
        "ats": ["È stato/a invitato/a a un colloquio tecnico per {role}.\nFormato: live coding ({dur} min)\nQuando: {when}\nLink: {link}"],
        "cal_title": ["Colloquio di live coding – {role}", "Colloquio di system design", "Giornata in sede (4 colloqui) – {co}",
                      "Revisione dell'esercizio con {mgr}", "Colloquio finale – {co}", "Colloquio tecnico"],
        "cal_note": ["Tieni pronto il tuo ambiente di sviluppo.", "Condivideremo il link CoderPad all'inizio."],
        "extra": ["Non serve imparare algoritmi a memoria: ci interessa il tuo ragionamento.", "Puoi usare il linguaggio che preferisci."],
    },
    "offer_explicit": {
        "subj": ["La sua offerta da {co}", "Proposta di assunzione – {role}", "Offerta di lavoro: {role}", "Lettera di offerta in allegato"],
        "subj_casual": ["Buone notizie!", "L'offerta 🎉", "Congratulazioni!"],
        "short": ["Che bello dirti che vogliamo farti un'offerta! Ti allego i dettagli, ne parliamo domani?",
                  "In allegato l'offerta ufficiale. Si prenda il tempo che le serve e mi chiami per qualsiasi dubbio.",
                  "Il team è stato unanime: vogliamo offrirti la posizione di {role}!"],
        "long": ["Siamo lieti di offrirle la posizione di {role} presso {co}. In allegato trova la lettera di offerta, con una retribuzione di {salary} e inizio previsto il {start}.",
                 "Al termine dei colloqui, ho il piacere di sottoporle un'offerta di assunzione per la posizione di {role}. L'offerta è valida fino al {deadline}.",
                 "Congratulazioni! Vorremmo offrirle la posizione. Trova l'offerta scritta, con retribuzione e benefit, nella sua area candidato."],
        "ats": ["Ha ricevuto un'offerta da {co}. La visualizzi e la firmi qui: {link}", "{co} le ha inviato una lettera di offerta da firmare tramite DocuSign."],
        "extra": ["La preghiamo di restituirla firmata entro il {deadline}.", "Ci farebbe piacere avere una risposta entro la fine della prossima settimana."],
    },
    "offer_implicit": {
        "subj": ["Benvenuto/a in {co}!", "Il suo contratto – {role}", "Prossimi passi per il suo ingresso", "Retribuzione e data di inizio"],
        "subj_casual": ["come d'accordo", "documenti", "Ti vogliamo nel team!"],
        "short": ["Come ti dicevo al telefono, saremmo felicissimi di averti nel team! Il contratto è in allegato; iniziare il {start} per noi è perfetto.",
                  "Riepilogo della call: fisso di {salary} più bonus, inizio il {start}. Dammi l'ok e preparo i documenti.",
                  "Sono tutti entusiasti. Riesci a firmare il contratto entro il {deadline}? Così ordiniamo già il tuo portatile.",
                  "Bello averti sentito poco fa! Ti mando il riepilogo della retribuzione. Fissiamo il {start} come primo giorno?"],
        "long": ["Come anticipato nel nostro colloquio, siamo lieti di confermarle che desideriamo accoglierla in {co} come {role}. In allegato il contratto di lavoro da firmare; la data di inizio proposta è il {start}.",
                 "In allegato il pacchetto retributivo di cui abbiamo parlato: {salary}, buoni pasto, welfare aziendale e premio di risultato. La preghiamo di restituire il contratto firmato entro il {deadline}.",
                 "Tutto il team non vede l'ora di darle il benvenuto. L'ufficio HR le invierà oggi il contratto e i documenti per l'onboarding; proponiamo il {start} come primo giorno.",
                 "A seguito dell'accordo verbale al telefono, le riepiloghiamo per iscritto le condizioni: {salary}, lavoro ibrido da {city}, inizio il {start}."],
        "extra": ["Il primo giorno porti un documento d'identità e il codice fiscale.", "Il suo responsabile sarà {mgr}."],
    },
    "rejection_plain": {
        "subj": ["La sua candidatura per {role}", "Esito della candidatura", "{co} – aggiornamento sulla sua candidatura", "Riscontro candidatura"],
        "short": ["Grazie per la pazienza, {cand}. Purtroppo il team ha deciso di non proseguire con la tua candidatura.",
                  "Ti aggiorno: non andremo avanti con la tua candidatura per {role}. Grazie mille per l'interesse!",
                  "Mi dispiace, abbiamo scelto profili più in linea con ciò che cerchiamo."],
        "long": ["Dopo un'attenta valutazione, ci dispiace comunicarle che la sua candidatura per la posizione di {role} non proseguirà nel processo di selezione.",
                 "Abbiamo esaminato il suo profilo e abbiamo deciso di proseguire con altri candidati più in linea con i requisiti della posizione.",
                 "Purtroppo questa volta la sua candidatura non è stata selezionata. Conserveremo il suo CV per future opportunità.",
                 "Siamo spiacenti di informarla che abbiamo individuato profili più adatti per questa posizione."],
        "extra": ["Le auguriamo il meglio per la sua ricerca.", "Dato l'elevato numero di candidature, non possiamo fornire un feedback individuale."],
    },
    "rejection_after_interview": {
        "subj": ["In seguito al suo colloquio", "Riscontro dopo il colloquio", "{role} – la nostra decisione", "Grazie per i colloqui"],
        "subj_casual": ["aggiornamento", "sulla nostra chiacchierata", "novità sulla posizione"],
        "short": ["Grazie ancora per tutto il tempo dedicato ai colloqui. Abbiamo fatto un'offerta a un'altra persona, quindi questa volta non proseguiamo con te.",
                  "Mi dispiace, alla fine abbiamo scelto qualcuno con un'esperienza un po' più vicina a ciò che ci serve ora.",
                  "È stata una scelta difficile: eravate rimasti tu e un'altra candidata, e abbiamo offerto la posizione a lei."],
        "long": ["La ringraziamo per aver partecipato ai colloqui per la posizione di {role}. È stata una decisione difficile, ma abbiamo offerto la posizione a un altro candidato, che l'ha accettata.",
                 "È stato un piacere conoscerla durante il processo. Dopo un'attenta riflessione, abbiamo deciso di procedere con un'altra candidatura per questa posizione.",
                 "Dopo il colloquio finale, la commissione ha deciso di non proseguire con la sua candidatura. La sua preparazione ci ha colpito e ci piacerebbe restare in contatto."],
        "extra": ["Se vuoi un feedback sui colloqui, ti chiamo volentieri.", "Ci farebbe piacere ricontattarla per future posizioni."],
    },
    "offer_withdrawn": {
        "subj": ["Informazione importante sulla sua offerta", "In merito alla posizione di {role}", "Cambiamento nei nostri piani di assunzione", "La tua offerta – aggiornamento"],
        "short": ["Mi dispiace davvero, ma a causa di un blocco del budget dobbiamo ritirare l'offerta della settimana scorsa.",
                  "Brutte notizie: dopo la riorganizzazione la posizione è stata cancellata, quindi il tuo ingresso del {start} salta.",
                  "Mi costa scriverlo: la direzione ha bloccato tutte le assunzioni e l'offerta viene revocata."],
        "long": ["A causa di una riorganizzazione imprevista, siamo costretti a ritirare l'offerta di assunzione per la posizione di {role}.",
                 "La informiamo che la posizione di {role} è stata soppressa a seguito di un blocco delle assunzioni in tutta l'azienda. Non potremo quindi procedere con la sua assunzione.",
                 "Purtroppo le verifiche preassuntive non hanno avuto esito positivo e dobbiamo revocare la nostra offerta condizionata."],
    },
    "job_alerts": {
        "subj": ["{n} nuove offerte per \"{role_plain}\" a {city}", "Offerte di lavoro per te", "Nuovo: {role2} presso {co2} e altri", "Il tuo avviso di lavoro giornaliero"],
        "long": ["Ecco le nuove offerte per la tua ricerca \"{role_plain}\".", "In base al tuo profilo, queste offerte potrebbero interessarti:",
                 "Aziende vicino a {city} cercano {role_plain}. Candidati tra i primi!"],
        "ats": ["Fai parte del talent pool di {co2}. Nuove posizioni aperte questa settimana:\n{role2} – {city}\n{role3} – da remoto",
                "È appena stata pubblicata un'offerta in linea con la tua ricerca salvata: {role2} presso {co2}. Candidati con un clic."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Candidatura rapida", "{role2} ({co2}), pubblicato 2 giorni fa"],
        "extra": ["Candidarsi presto aumenta le possibilità.", "RAL indicata per 3 di queste offerte."],
    },
    "prep_marketing": {
        "subj": ["Supera il tuo prossimo colloquio", "Webinar gratuito: il colloquio comportamentale", "La tua simulazione di colloquio è prenotata",
                 "Ultima occasione: 40% di sconto sul coaching", "Le 5 domande che ti faranno in ogni colloquio"],
        "subj_casual": ["La tua simulazione di colloquio", "Sbagliando s'impara"],
        "short": ["La tua simulazione di colloquio con {coach} è confermata per {when}. È una sessione di prova: nessuna azienda è coinvolta.",
                  "Grazie per aver prenotato un colloquio tecnico di prova! Il tuo partner ti aspetta {when}.",
                  "Pronto per i colloqui? Partecipa al nostro workshop gratuito in diretta il {date} ed esercitati con un coach."],
        "long": ["I colloqui ti mettono ansia? I nostri coach hanno aiutato oltre 10.000 persone a trovare lavoro. Prenota oggi una simulazione con feedback personalizzato.",
                 "Iscriviti al nostro webinar gratuito del {date}: come presentarti, negoziare la RAL e scrivere la mail di follow-up.",
                 "Questa settimana nella newsletter: il metodo STAR, come prepararsi a un live coding e cosa chiedere alla fine."],
        "cal_title": ["Simulazione di colloquio con {coach}", "Webinar: affrontare il colloquio comportamentale", "Colloquio di prova (system design)", "Sessione di coaching"],
        "items": ["▶ Le 7 domande più frequenti", "▶ Come fare follow-up dopo un colloquio", "▶ Negoziare la prima offerta"],
        "extra": ["Usa il codice PRONTO40.", "Posti limitati."],
    },
    "cold_outreach": {
        "subj": ["Posizione come {other_role}", "Un'opportunità interessante presso un cliente", "Aperto/a a nuove opportunità?", "Il tuo profilo ha attirato la mia attenzione"],
        "short": ["Ho visto il tuo profilo e penso saresti perfetto/a per una posizione di {other_role} presso un mio cliente. Ci sentiamo 10 minuti?",
                  "Ti riscrivo nel caso il mio messaggio si fosse perso: la posizione di {other_role} è ancora aperta.",
                  "Cerco un/una {other_role} full remote, fino a {salary}. Ti interessa?"],
        "long": ["Sono una consulente di selezione specializzata in ambito tech. Un nostro cliente, una scale-up di {city}, cerca un/una {other_role} e il suo percorso è molto in linea. Sarebbe disponibile per una conversazione riservata?",
                 "Aiutiamo le aziende a costruire i loro team e al momento seguo diversi clienti che cercano profili {other_role}. Se è aperto/a a nuove opportunità, mi indichi un momento per sentirci."],
    },
    "personal": {
        "subj": ["Sabato?", "Il tuo ordine è in consegna", "Promemoria appuntamento", "Il tuo estratto conto è disponibile", "Club del libro"],
        "short": ["Sì! Sabato va bene. Ci vediamo alle 10 in stazione?", "Ahah, che belle foto. Mi mandi quella del lago?",
                  "Giovedì non ce la faccio, scusa – la settimana prossima?", "Ho prenotato per le 20:30. A dopo!"],
        "long": ["Il tuo ordine {ref} è stato spedito e arriverà il {date}.", "Promemoria: il suo appuntamento è fissato {when}. La preghiamo di arrivare 10 minuti prima.",
                 "L'estratto conto del mese è disponibile nell'app.", "Grazie per l'acquisto! In allegato i tuoi biglietti."],
        "cal_title": ["Controllo dal dentista", "Parrucchiere", "Veterinario – Briciola", "Colloquio con gli insegnanti", "Club del libro"],
    },
}
