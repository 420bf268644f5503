"""Textes en français (France, Belgique, Suisse, Québec ; vouvoiement dans les
lettres et les courriels automatiques, tutoiement dans les messages de
start-up ; intitulés « (H/F) ») pour tools/corpus/engine.py.
Écrits pour CareerOps ; aucune phrase ne vient d'une boîte réelle."""
CODE = "fr"

COMPANIES = [("Maison Lavande SAS", "Maison Lavande"), ("Groupe Rivoli", "Groupe Rivoli"), ("Altitude Conseil SARL", "Altitude Conseil"),
             ("Banque des Vosges", "Banque des Vosges"), ("Océane Logistique", "Océane Logistique"), ("Pixelune Studio", "Pixelune Studio"),
             ("Clinique du Parc", "Clinique du Parc"), ("Mutuelle Horizon", "Mutuelle Horizon"), ("Énergies Loire SA", "Énergies Loire"),
             ("Datavera", "Datavera"), ("Fromageries Morel", "Fromageries Morel"), ("Transports Garnier", "Transports Garnier"),
             ("Nuage Bleu Technologies", "Nuage Bleu Technologies"), ("Librairie Papyrus", "Librairie Papyrus"), ("Alpine Santé", "Alpine Santé"),
             ("Érable Numérique inc.", "Érable Numérique")]
ROLES = [("Développeur Backend (H/F)", "Développeur Backend"), ("Data Analyst (F/H)", "Data Analyst"), ("Chef de projet (H/F)", "Chef de projet"),
         ("Ingénieure logiciel (H/F)", "Ingénieure logiciel"), ("Comptable (H/F)", "Comptable"), ("Chargé de recrutement (H/F)", "Chargé de recrutement"),
         ("Responsable marketing digital (H/F)", "Responsable marketing digital"), ("Technicien support informatique (H/F)", "Technicien support informatique"),
         ("UX Designer (H/F)", "UX Designer"), ("Contrôleur de gestion (H/F)", "Contrôleur de gestion"), ("Ingénieur DevOps (H/F)", "Ingénieur DevOps"),
         ("Commercial B2B (H/F)", "Commercial B2B"), ("Assistante RH (H/F)", "Assistante RH"), ("Data Scientist (H/F)", "Data Scientist"),
         ("Product Owner (H/F)", "Product Owner")]
CANDIDATES = [("Camille", "Laurent"), ("Hugo", "Dubois"), ("Inès", "Bernard"), ("Théo", "Petit"), ("Manon", "Girard"), ("Karim", "Benali")]
FIRST = ["Claire", "Nicolas", "Julie", "Antoine", "Sophie", "Mathieu", "Élodie", "Thomas", "Aurélie", "Julien", "Nadia", "Pierre", "Chloé", "Olivier"]
LAST = ["Martin", "Durand", "Lefebvre", "Moreau", "Fournier", "Roux", "Lambert", "Bonnet", "Fontaine", "Chevalier", "Mercier", "Haddad"]
TLDS = [".fr", ".fr", ".com", ".be", ".ch", ".ca"]
TZ = ["+0100", "+0200", "-0400"]
CITIES = ["Paris", "Lyon", "Nantes", "Bordeaux", "Lille", "Toulouse", "Bruxelles", "Genève", "Montréal", "télétravail"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
WD_SHORT = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
MON_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def fmt_time(dt, R):
    return R.choice([f"{dt.hour}h{dt.minute:02d}", f"{dt.hour}h" if dt.minute == 0 else f"{dt.hour}h{dt.minute:02d}", f"{dt.hour:02d}:{dt.minute:02d}",
                     f"{dt.hour} h {dt.minute:02d}"])


def fmt_date(d, R):
    return R.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {MONTHS[d.month - 1]}", f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}",
                     f"{d.day:02d}/{d.month:02d}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"{WEEKDAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} à {t}", f"{WEEKDAYS[dt.weekday()]} {dt.day:02d}/{dt.month:02d} à {t}",
                     f"le {dt.day:02d}/{dt.month:02d}/{dt.year} à {t}", f"{WEEKDAYS[dt.weekday()]} à {t}", f"le {dt.day} {MONTHS[dt.month - 1]}, {t}"])


def salary(R):
    return R.choice([f"{R.randint(35, 75)} 000 € bruts annuels", f"{R.randint(38, 80)} k€ brut/an", f"{R.randint(70, 120)} 000 $ CA par année"])


QUOTE_GMAIL = "Le {wd} {d} {mon} {y} à {hh2}:{mm}, {name} <{email}> a écrit :"
ORIG = ["-----Message d'origine-----", "De :", "Envoyé :", "À :", "Objet :"]
RE = ["RE :", "Re:", "RE:", "TR : RE :"]

PREV_SUBJ = {
    "apply": ["Candidature – {role}", "Candidature au poste de {role}", "CV pour le poste {role}", "Candidature spontanée"],
    "after_call": ["Merci pour l'échange", "Suite à notre appel", "{role} – prochaines étapes ?"],
    "avail": ["Disponibilités", "Créneaux pour l'entretien", "Mes disponibilités la semaine prochaine"],
    "followup": ["Suivi de ma candidature", "Relance – {role}", "Des nouvelles ?"],
    "after_final": ["Merci pour l'entretien final", "Suite au dernier entretien", "Merci pour l'accueil aujourd'hui"],
    "signed": ["Contrat signé", "Documents renvoyés", "Hâte de commencer !"],
    "outreach": ["Poste de {other_role}", "Votre profil LinkedIn", "Petite question"],
    "personal": ["Samedi ?", "photos du mariage", "Anniversaire de mamie", "dîner de vendredi"],
}
PREV = {
    "apply": ["Madame, Monsieur,\n\nVeuillez trouver ci-joint mon CV pour le poste de {role}. Je serais ravie de mettre mon expérience au service de {co}.",
              "Bonjour {rf},\n\nJe viens de postuler au poste de {role} via votre site carrières et je souhaitais me présenter directement.",
              "Bonjour,\n\nSuite à votre annonce parue sur Welcome to the Jungle, je vous adresse ma candidature pour le poste de {role}."],
    "after_call": ["Bonjour {rf},\n\nMerci beaucoup pour cet échange aujourd'hui, j'ai beaucoup apprécié découvrir l'équipe.",
                   "Merci encore pour l'appel de ce matin, je reste disponible pour toute information complémentaire."],
    "avail": ["Bonjour {rf}, merci ! Je suis disponible mardi après-midi ou jeudi toute la journée.", "Avec plaisir. Je peux :\n{slots}",
              "La semaine prochaine je suis assez flexible, sauf lundi matin."],
    "followup": ["Bonjour Madame {rl},\n\nJe me permets de revenir vers vous concernant ma candidature au poste de {role}.",
                 "Bonjour, avez-vous des nouvelles concernant ma candidature d'il y a quelques semaines ?"],
    "after_final": ["Bonjour {rf},\n\nMerci d'avoir organisé l'entretien final hier, c'était un plaisir de rencontrer toute l'équipe.",
                    "Merci pour l'accueil aujourd'hui dans vos locaux, je repars encore plus motivé."],
    "signed": ["Bonjour {rf},\n\nJ'ai signé le contrat et je l'ai déposé sur le portail. À très vite, le {start} !",
               "Les documents sont prêts de mon côté. Dites-moi s'il vous manque quelque chose avant mon premier jour."],
    "outreach": ["Bonjour {cand},\n\nJ'accompagne un client qui recrute un(e) {other_role}. Seriez-vous ouvert(e) à un échange ?",
                 "Bonjour {cand}, je suis tombé sur ton profil et je pense que tu serais parfait pour un poste de {other_role}."],
    "personal": ["Vous êtes dispo samedi ? On pensait faire un barbecue.", "Voilà enfin les photos du mariage !", "Tu as réservé pour vendredi ?"],
}
GREET_CASUAL = ["Bonjour {cand},", "Salut {cand},", "Hello {cand} !", "Bonjour {cand} !", "Coucou {cand},", "{cand},"]
GREET_FORMAL = ["Madame, Monsieur,", "Bonjour {cand} {cand_last},", "Chère Madame {cand_last},", "Cher Monsieur {cand_last},", "Bonjour Madame, bonjour Monsieur,"]
OPEN_FORMAL = ["Nous vous remercions pour votre candidature au poste de {role} au sein de {co}.", "Nous vous remercions de l'intérêt que vous portez à {co}.",
               "Nous espérons que vous allez bien.", "Merci pour le temps que vous avez consacré à notre processus de recrutement.",
               "Nous revenons vers vous au sujet du poste de {role} (réf. {ref})."]
CLOSE_FORMAL_LINE = ["Nous restons à votre disposition pour toute question.", "Pour toute question, n'hésitez pas à répondre à ce message.",
                     "Nous vous remercions à nouveau de l'intérêt porté à {co}.", "Merci pour votre patience tout au long du processus."]
SIGN_FORMAL = ["Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.\n\n{rf} {rl}\nService des ressources humaines\n{co}",
               "Bien cordialement,\n{rf} {rl}\nChargée de recrutement | {co}", "Cordialement,\nL'équipe Recrutement de {co}",
               "Meilleures salutations,\n{rf} {rl}\nTalent Acquisition, {co}\n{city}"]
SIGN_SHORT = ["Bonne journée,\n{rf}", "Bien à vous,\n{rf}", "{rf}", "Merci,\n{rf}", "Belle journée, {rf}", "À bientôt,\n{rf}"]
SIGN_CASUAL = ["À bientôt,\n{rf}", "Merci !\n{rf} {rl}\nTalent Acquisition chez {co}", "Bonne journée,\n{rf}", "Belle fin de journée,\n{rf}\nRecrutement | {co}"]
SIGN_MGR = ["Bien à vous,\n{mgr}\nResponsable d'équipe, {co}", "Merci,\n{mf}\nHead of Data | {co}", "À bientôt,\n{mgr}", "{mf}"]
SIGN_TEAM = ["L'équipe Recrutement de {co}", "Talent Acquisition {co}", "Merci,\nL'équipe {co}", "Direction des ressources humaines – {co}"]
SENT_FROM = ["Envoyé de mon iPhone", "Envoyé depuis Outlook pour Android", "Envoyé de mon mobile"]
MGR_INTRO = ["Je suis {mgr}, responsable de l'équipe que vous rejoindriez en tant que {role} ; {rf} m'a transmis votre candidature.",
             "Je dirige l'équipe qui recrute et je voulais t'écrire directement.", "Je suis {mgr}, manager du poste de {role} chez {co}."]
LEGAL = ["{co} s'engage en faveur de la diversité et de l'égalité des chances.",
         "Ce message et ses pièces jointes sont confidentiels et destinés exclusivement à leur destinataire.",
         "Conformément au RGPD, vous pouvez exercer vos droits en écrivant à dpo@{dom}."]
ATS_FOOTER = ["Ceci est un message automatique, merci de ne pas y répondre.", "Vous pouvez suivre votre candidature depuis votre espace candidat.",
              "Vous recevez cet e-mail car vous avez postulé à une offre de {co}.", "Propulsé par Welcome to the Jungle"]
ATS_SENDERS = ["{co} <no-reply@welcometothejungle.com>", "{co} via Flatchr <noreply@flatchr.io>", "{co} Recrutement <recrutement@{dom}>",
               "{co} <candidatures@jobteaser.com>"]
MAILBOXES = ["{co} Recrutement <recrutement@{dom}>", "RH {co} <rh@{dom}>", "Carrières {co} <carrieres@{dom}>", "emploi@{dom}"]
CAL = {"invite": "Invitation", "confirmed": "Confirmé", "updated": "Invitation mise à jour", "title": "Événement", "when": "Quand",
       "dur": "Durée", "where": "Où", "organizer": "Organisateur", "guests": "Invités",
       "moved": "Cet événement a été déplacé du {old} au {new}.",
       "intro": ["Un nouvel événement a été planifié avec {{who}}.", "{cand}, votre réservation est confirmée.", "Vous avez été invité(e) à l'événement suivant."],
       "changes": "Besoin de modifier cet événement ?", "resched": "Reprogrammer", "cancel": "Annuler", "powered": "Envoyé par {tool}"}
PERSONAL_PLACES = ["Cabinet dentaire du Centre, 12 rue Victor-Hugo", "Salon Coiff'Style", "Clinique vétérinaire des Lilas", "Médiathèque municipale"]
UNSUB = ["Se désabonner | Gérer mes préférences", "Vous recevez cet e-mail car vous êtes inscrit(e). Se désinscrire.", "Modifier vos alertes ou vous désabonner."]
BOARDS = ["Indeed <alert@indeed.com>", "APEC <offres@apec.fr>", "France Travail <ne-pas-repondre@francetravail.fr>",
          "Welcome to the Jungle <alertes@welcometothejungle.com>", "HelloWork <alertes@hellowork.com>"]
PREP_SENDERS = ["Entretien Réussi <bonjour@entretienreussi.fr>", "Coach Carrière <contact@coachcarriere.fr>", "Prépa Tech <hello@prepatech.io>"]
SERVICES = ["La Poste <noreply@laposte.fr>", "SNCF Connect <confirmation@sncf-connect.com>", "Crédit Mutuel <info@creditmutuel.fr>",
            "Doctolib <no-reply@doctolib.fr>", "Vinted <no-reply@vinted.fr>", "Fnac <commandes@fnac.com>"]
AGENCIES = ["Talents & Co", "Hays France", "Recrut'Expert", "Page Personnel"]

FAM = {
    "ack_note": {
        "subj": ["Votre candidature au poste de {role}", "Accusé de réception de votre candidature", "{co} : merci pour votre candidature", "Candidature bien reçue ({ref})"],
        "short": ["Merci {cand}, bien reçu ! Je transmets à l'équipe et je reviens vers toi dès que j'ai un retour.",
                  "Bien reçu, merci. Nous recevons encore des candidatures, cela peut prendre deux ou trois semaines.",
                  "Merci pour l'envoi, ta candidature est bien enregistrée pour le poste de {role}.", "C'est noté, merci ! Je te recontacte si l'équipe souhaite aller plus loin."],
        "long": ["Nous accusons bonne réception de votre candidature au poste de {role} et nous l'étudierons avec attention dans les prochaines semaines.",
                 "Notre équipe étudie actuellement les candidatures. En raison du nombre important de dossiers reçus, nous ne pourrons peut-être pas répondre à chacun individuellement ; si votre profil correspond, nous vous contacterons.",
                 "Votre dossier a été transmis à l'équipe recrutement. Sans nouvelles de notre part d'ici quatre semaines, nous conserverons vos informations pour de futures opportunités.",
                 "Nous vous confirmons que votre candidature pour le poste de {role} a bien été enregistrée. Nous reviendrons vers vous si votre profil correspond à nos besoins."],
        "extra": ["Malheureusement, nous ne sommes pas en mesure de faire un retour individuel à ce stade.", "Vous pouvez suivre l'avancement depuis votre espace candidat.",
                  "L'offre reste ouverte jusqu'à ce que le poste soit pourvu."],
    },
    "assessment": {
        "subj": ["Prochaine étape : exercice technique", "Votre test en ligne – {co}", "Challenge de code – {role}", "Action requise : test pour le poste de {role}"],
        "short": ["Prochaine étape : un petit exercice à faire chez toi : {link}. Tu as {n} jours, ça ne devrait pas prendre plus de 3-4 heures.",
                  "L'équipe aimerait que tu passes d'abord un court test sur {tool}. Tu recevras le lien dans un autre mail.",
                  "Ensuite, il y a une étude de cas écrite. Je te joins l'énoncé, dis-moi quand tu l'as rendue."],
        "long": ["Pour la prochaine étape du processus, nous vous invitons à passer un test en ligne sur {tool}. Il dure environ 60 minutes et doit être réalisé avant le {deadline}.",
                 "Merci de réaliser l'exercice ci-joint et de déposer votre solution sur le portail sous {n} jours. Nous examinons chaque rendu avant de décider de la suite.",
                 "Avant d'aller plus loin, nous demandons à chaque candidat de compléter un test d'aptitudes et un questionnaire de personnalité, à faire quand vous le souhaitez."],
        "extra": ["Si vous avez besoin d'un aménagement pour le test, faites-le-nous savoir.", "Aucune préparation particulière n'est nécessaire."],
    },
    "interview_invite": {
        "subj": ["Invitation à un entretien – {role}", "Convocation à un entretien chez {co}", "{role} : premier échange", "Proposition d'entretien"],
        "subj_casual": ["On s'appelle ?", "{role} – prochaine étape", "Un petit appel ?", "Ta candidature nous plaît"],
        "short": ["Tu aurais 30 minutes cette semaine pour un appel rapide ? {slots}", "L'équipe a aimé ton profil – tu serais dispo {when} pour un premier échange ?",
                  "On peut se parler 20 minutes {day} ? Juste pour faire connaissance, rien à préparer.",
                  "La manager souhaite vous rencontrer ! {when}, ça vous irait ?", "Seriez-vous disponible {when} pour un entretien téléphonique ? Je vous appellerai au numéro de votre CV."],
        "long": ["Nous souhaitons vous rencontrer dans le cadre d'un entretien pour le poste de {role}. Il aura lieu {when} sur {platform} et durera environ {dur} minutes.",
                 "Après étude de votre dossier, nous avons le plaisir de vous convier à un premier entretien avec {mgr} et un membre de l'équipe, {when}.",
                 "Nous aimerions mieux vous connaître. Pourriez-vous nous confirmer si le créneau {when} vous convient pour un premier entretien, ou nous en proposer un autre ?",
                 "Votre candidature a retenu notre attention et l'équipe souhaite vous rencontrer. Choisissez un créneau pour une visio de {dur} minutes ici : {link}"],
        "ats": ["Vous êtes invité(e) à planifier un entretien pour le poste de {role}. Choisissez le créneau qui vous convient : {link}",
                "Bonne nouvelle ! L'équipe souhaite poursuivre avec un entretien. Réservez votre créneau via le lien ci-dessous.\n{link}"],
        "cal_title": ["Entretien téléphonique – {role}", "Premier échange : {cand} / {co}", "Entretien avec {mgr} – {role}", "{co} – premier entretien"],
        "cal_note": ["Au plaisir d'échanger avec vous !", "Merci de vous connecter quelques minutes en avance."],
        "extra": ["Merci de vous munir d'une pièce d'identité.", "N'hésitez pas à nous signaler tout besoin d'aménagement.", "{mgr}, qui dirige l'équipe, sera présente."],
    },
    "interview_schedule": {
        "subj": ["Confirmation de votre entretien", "Report de votre entretien", "Nouvel horaire : votre entretien chez {co}", "Peut-on décaler notre appel ?"],
        "subj_casual": ["petit changement", "l'appel de demain", "Nouvel horaire ?", "{day}"],
        "short": ["Je te confirme {when} pour ton échange avec {mgr}. L'invitation arrive.", "Un imprévu de notre côté : pourrait-on décaler jeudi à {when} ?",
                  "{when}, c'est parfait, invitation envoyée.", "Désolée pour le changement ! {mgr} est malade, on peut décaler à {when} ?",
                  "Petite question : {day} à {time} ou plutôt le lendemain matin ?", "C'est calé pour {when}. Même lien que la dernière fois."],
        "long": ["Nous devons reporter votre entretien prévu cette semaine. Le créneau {when} vous conviendrait-il ?",
                 "Nous vous confirmons votre entretien pour le poste de {role}, {when}. Le lien de connexion est le suivant : {link}",
                 "Merci pour vos disponibilités. Votre entretien avec {mgr} est désormais fixé {when} ({dur} minutes).",
                 "Merci de choisir l'un des créneaux suivants pour le second entretien :\n{slots}"],
        "ats": ["Votre entretien a été planifié.\n\nPoste : {role}\nQuand : {when}\nOù : {platform} ({link})",
                "Votre entretien pour le poste de {role} a été déplacé {when}. Si ce nouvel horaire ne vous convient pas, choisissez-en un autre via le lien."],
        "cal_title": ["Entretien : {role} – {co}", "Second entretien avec {mgr}", "{cand} / {mgr} (manager)", "Entretien – {co}"],
        "cal_note": ["Désolés pour ce changement !", "Répondez à ce mail si vous avez besoin d'un autre horaire."],
    },
    "interview_technical": {
        "subj": ["Entretien technique – {role}", "Votre journée d'entretiens chez {co}", "Prochaine étape : live coding", "Entretien final – {role}",
                 "Invitation à un entretien devant un jury", "Restitution de votre exercice"],
        "subj_casual": ["prochain tour !", "Entretien technique", "Infos pour le dernier entretien"],
        "short": ["Bonne nouvelle : la suite, c'est une session de live coding. {when}, ça te va ? On utilisera {platform}.",
                  "Ton exercice a beaucoup plu ! Prochaine étape : 60 minutes pour le présenter à deux développeurs, tu peux {when} ?",
                  "Tu passes au tour final : quatre entretiens le {date}, à partir de {time}.", "L'entretien technique est calé {when}. Ce sera du pair programming dans le langage de ton choix.",
                  "Le jury souhaite vous rencontrer {day}. Le programme suit."],
        "long": ["Nous avons le plaisir de vous convier à l'entretien technique pour le poste de {role}, {when}. Vous résoudrez un problème de programmation avec l'un de nos ingénieurs dans un éditeur partagé ({tool}).",
                 "L'étape suivante est notre journée sur site : un entretien de conception de système, une session de live coding et un échange sur vos projets avec {mgr}. Elle aura lieu le {date} à partir de {time} dans nos locaux de {city}.",
                 "Nous souhaitons vous inviter à un entretien avec un jury de trois personnes de l'équipe, {when}. Merci de préparer une présentation de dix minutes de votre exercice, que nous discuterons ensemble.",
                 "Félicitations pour le premier entretien ! L'entretien final aura lieu avec {mgr} et notre directrice générale, {when}."],
        "ats": ["Vous êtes invité(e) à un entretien technique pour le poste de {role}.\nFormat : live coding ({dur} min)\nQuand : {when}\nLien : {link}"],
        "cal_title": ["Entretien live coding – {role}", "Entretien conception de système", "Journée sur site (4 entretiens) – {co}",
                      "Restitution de l'exercice avec {mgr}", "Entretien final – {co}", "Entretien technique"],
        "cal_note": ["Prévoyez votre environnement de développement.", "Nous partagerons un lien CoderPad au début."],
        "extra": ["Inutile d'apprendre des algorithmes par cœur : c'est votre raisonnement qui nous intéresse.", "Vous pouvez utiliser le langage de votre choix."],
    },
    "offer_explicit": {
        "subj": ["Votre offre de {co}", "Proposition d'embauche – {role}", "Offre d'emploi : {role}", "Promesse d'embauche ci-jointe"],
        "subj_casual": ["Bonne nouvelle !", "L'offre 🎉", "Félicitations !"],
        "short": ["Je suis ravie de t'annoncer qu'on te fait une offre ! Les détails sont en pièce jointe, on en parle demain ?",
                  "Vous trouverez ci-joint l'offre officielle. Prenez le temps de la lire et appelez-moi pour toute question.",
                  "L'équipe est unanime : nous voulons te proposer le poste de {role} !"],
        "long": ["Nous avons le plaisir de vous proposer le poste de {role} au sein de {co}. Vous trouverez ci-joint notre proposition, avec une rémunération de {salary} et une prise de poste le {start}.",
                 "À l'issue de nos entretiens, j'ai le plaisir de vous adresser une offre d'emploi pour le poste de {role}. Cette offre est valable jusqu'au {deadline}.",
                 "Félicitations ! Nous souhaitons vous proposer le poste. Votre offre écrite, avec la rémunération et les avantages, est disponible dans votre espace candidat."],
        "ats": ["Vous avez reçu une offre de {co}. Consultez-la et signez-la ici : {link}", "{co} vous a envoyé une promesse d'embauche à signer via Yousign."],
        "extra": ["Merci de nous la retourner signée avant le {deadline}.", "Nous aimerions avoir votre réponse d'ici la fin de la semaine prochaine."],
    },
    "offer_implicit": {
        "subj": ["Bienvenue chez {co} !", "Votre contrat – {role}", "Prochaines étapes de votre arrivée", "Rémunération et date d'arrivée"],
        "subj_casual": ["suite à notre appel", "les papiers", "On veut t'avoir dans l'équipe !"],
        "short": ["Comme évoqué au téléphone, on serait ravis que tu rejoignes l'équipe ! Le contrat est en pièce jointe ; une arrivée le {start}, c'est parfait pour nous.",
                  "Petit récap de notre appel : fixe de {salary} plus variable, arrivée le {start}. Donne-moi ton accord et je lance les papiers.",
                  "Toute l'équipe est ravie. Tu peux signer le contrat avant le {deadline} ? Comme ça on commande ton ordinateur.",
                  "Ravie d'avoir pu échanger tout à l'heure ! Voici le récapitulatif de la rémunération. On dit le {start} pour ton premier jour ?"],
        "long": ["Comme convenu lors de notre échange, nous avons le plaisir de vous confirmer que nous souhaitons vous accueillir chez {co} en tant que {role}. Votre contrat de travail est joint pour signature ; la date d'arrivée proposée est le {start}.",
                 "Vous trouverez ci-joint le package de rémunération dont nous avons parlé : un salaire de {salary}, une prime annuelle et 25 jours de congés payés. Merci de nous retourner le contrat signé avant le {deadline}.",
                 "Toute l'équipe a hâte de vous accueillir. Le service RH vous enverra aujourd'hui votre contrat et les documents d'intégration ; nous proposons le {start} comme premier jour.",
                 "Suite à notre accord oral au téléphone, voici le récapitulatif écrit de vos conditions : salaire de {salary}, télétravail partiel depuis {city}, prise de poste le {start}."],
        "extra": ["Le premier jour, pensez à apporter une pièce d'identité et un RIB.", "Votre manager sera {mgr}."],
    },
    "rejection_plain": {
        "subj": ["Votre candidature au poste de {role}", "Réponse à votre candidature", "{co} – suite donnée à votre candidature", "Votre candidature chez {co}"],
        "short": ["Merci pour ta patience, {cand}. Malheureusement, l'équipe a décidé de ne pas donner suite à ta candidature.",
                  "Petit point : nous n'allons pas poursuivre avec ta candidature pour le poste de {role}. Merci beaucoup pour ton intérêt !",
                  "Désolée, nous avons retenu des profils plus proches de ce que nous recherchons."],
        "long": ["Après étude attentive de votre dossier, nous sommes au regret de vous informer que nous ne pouvons donner une suite favorable à votre candidature au poste de {role}.",
                 "Nous avons examiné votre profil et avons décidé de poursuivre avec d'autres candidats dont l'expérience correspond davantage à nos besoins.",
                 "Malheureusement, votre candidature n'a pas été retenue cette fois-ci. Nous conserverons votre CV pour de futures opportunités.",
                 "Nous avons le regret de vous annoncer que notre choix s'est porté sur un autre profil."],
        "extra": ["Nous vous souhaitons pleine réussite dans vos recherches.", "Compte tenu du nombre de candidatures, nous ne pouvons pas faire de retour personnalisé."],
    },
    "rejection_after_interview": {
        "subj": ["Suite à votre entretien", "Retour après votre entretien", "{role} – notre décision", "Merci pour vos entretiens"],
        "subj_casual": ["des nouvelles", "suite à notre échange", "news du poste"],
        "short": ["Merci encore pour tout le temps consacré aux entretiens. Nous avons fait une offre à une autre personne, donc nous n'irons pas plus loin avec toi cette fois.",
                  "Je suis désolée, nous avons finalement choisi quelqu'un dont l'expérience est un peu plus proche de nos besoins actuels.",
                  "C'était très serré : il restait toi et une autre candidate, et nous lui avons proposé le poste."],
        "long": ["Merci d'avoir participé aux entretiens pour le poste de {role}. La décision a été difficile, mais nous avons proposé le poste à un autre candidat, qui l'a accepté.",
                 "Nous avons eu plaisir à vous rencontrer au cours du processus. Après mûre réflexion, nous avons décidé de poursuivre avec une autre candidature pour ce poste.",
                 "À l'issue de l'entretien final, le jury a décidé de ne pas poursuivre avec votre candidature. Votre préparation nous a impressionnés et nous aimerions garder le contact."],
        "extra": ["Si tu veux un retour sur tes entretiens, je t'appelle volontiers.", "Nous serions heureux de vous recontacter pour de futurs postes."],
    },
    "offer_withdrawn": {
        "subj": ["Information importante concernant votre offre", "Au sujet du poste de {role}", "Changement dans nos recrutements", "Votre offre – mise à jour"],
        "short": ["Je suis vraiment désolée, mais suite à un gel budgétaire nous devons retirer l'offre de la semaine dernière.",
                  "Mauvaise nouvelle : le poste a été supprimé après la réorganisation, ton arrivée du {start} ne pourra pas avoir lieu.",
                  "Ça me coûte de l'écrire : la direction a gelé tous les recrutements et la promesse d'embauche est annulée."],
        "long": ["En raison d'une restructuration imprévue, nous avons le regret de devoir retirer notre proposition d'embauche pour le poste de {role}.",
                 "Nous vous informons que le poste de {role} a été supprimé suite à un gel des recrutements dans toute l'entreprise. Nous ne pourrons donc pas donner suite à votre embauche.",
                 "Malheureusement, la vérification de vos antécédents n'a pas pu aboutir et nous devons annuler notre offre conditionnelle."],
    },
    "job_alerts": {
        "subj": ["{n} nouvelles offres « {role_plain} » à {city}", "Des offres qui pourraient vous intéresser", "Nouveau : {role2} chez {co2} et plus", "Votre alerte emploi du jour"],
        "long": ["Voici les nouvelles offres correspondant à votre recherche « {role_plain} ».", "D'après votre profil, ces postes pourraient vous intéresser :",
                 "Des entreprises près de {city} recrutent des {role_plain}. Postulez parmi les premiers !"],
        "ats": ["Vous faites partie du vivier de talents de {co2}. Nouvelles offres cette semaine :\n{role2} – {city}\n{role3} – télétravail",
                "Une offre correspondant à votre recherche enregistrée vient d'être publiée : {role2} chez {co2}. Postulez en un clic."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Candidature simplifiée", "{role2} ({co2}), publiée il y a 2 jours"],
        "extra": ["Postuler tôt augmente vos chances.", "Salaire indiqué pour 3 de ces offres."],
    },
    "prep_marketing": {
        "subj": ["Réussissez votre prochain entretien", "Webinaire gratuit : l'entretien comportemental", "Votre entretien blanc est réservé",
                 "Dernière chance : -40 % sur le coaching", "Les 5 questions posées dans tous les entretiens"],
        "subj_casual": ["Ton entretien d'entraînement", "C'est en forgeant…"],
        "short": ["Ton entretien blanc avec {coach} est confirmé {when}. C'est une séance d'entraînement : aucun employeur n'y participe.",
                  "Merci d'avoir réservé un entretien technique d'entraînement ! Ton binôme te retrouvera {when}.",
                  "Prêt(e) pour vos recherches ? Rejoignez notre atelier gratuit en direct le {date} et entraînez-vous avec un coach."],
        "long": ["Les entretiens vous stressent ? Nos coachs ont accompagné plus de 10 000 candidats vers un emploi. Réservez dès aujourd'hui un entretien blanc avec un retour personnalisé.",
                 "Inscrivez-vous à notre webinaire gratuit du {date} : se présenter, négocier son salaire et relancer après un entretien.",
                 "Cette semaine dans la newsletter : la méthode STAR, se préparer à un live coding et les questions à poser à la fin."],
        "cal_title": ["Entretien blanc avec {coach}", "Webinaire : réussir l'entretien comportemental", "Entraînement (conception de système)", "Séance de coaching entretien"],
        "items": ["▶ Les 7 questions les plus fréquentes", "▶ Comment relancer après un entretien", "▶ Négocier sa première offre"],
        "extra": ["Code PRET40 à saisir au paiement.", "Places limitées."],
    },
    "cold_outreach": {
        "subj": ["Poste de {other_role}", "Une belle opportunité chez un client", "Ouvert(e) à de nouvelles opportunités ?", "Votre profil a retenu mon attention"],
        "short": ["Je suis tombée sur votre profil et je pense que vous seriez parfait(e) pour un poste de {other_role} chez l'un de mes clients. Un rapide échange ?",
                  "Je me permets de relancer au cas où mon message serait passé inaperçu : le poste de {other_role} est toujours ouvert.",
                  "Je recrute un(e) {other_role} en full remote, jusqu'à {salary}. Intéressé(e) ?"],
        "long": ["Consultante en recrutement spécialisée dans la tech, j'accompagne une scale-up basée à {city} qui recherche un(e) {other_role}. Votre parcours correspond très bien. Seriez-vous ouvert(e) à un échange confidentiel ?",
                 "Nous aidons les entreprises à constituer leurs équipes et je représente actuellement plusieurs employeurs à la recherche de profils {other_role}. Si vous êtes ouvert(e) à de nouvelles opportunités, indiquez-moi un moment pour en parler."],
    },
    "personal": {
        "subj": ["Samedi ?", "Votre colis est en route", "Rappel de rendez-vous", "Votre relevé mensuel est disponible", "Club de lecture"],
        "short": ["Oui ! Samedi ça marche. On se retrouve à 10h à la gare ?", "Haha, trop bien ces photos. Tu m'envoies celle du lac ?",
                  "Jeudi je ne peux pas, désolée – la semaine prochaine ?", "J'ai réservé pour 20h. À tout à l'heure !"],
        "long": ["Votre colis {ref} a été expédié et sera livré le {date}.", "Rappel : votre rendez-vous est prévu {when}. Merci d'arriver 10 minutes en avance.",
                 "Votre relevé du mois est disponible dans l'application.", "Merci pour votre achat ! Vos billets sont en pièce jointe."],
        "cal_title": ["Contrôle chez le dentiste", "Coiffeur", "Vétérinaire – Filou", "Réunion parents-professeurs", "Club de lecture"],
    },
}
