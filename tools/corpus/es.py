"""Textos en español (España y Latinoamérica; "usted" en cartas y correos
automáticos, "tú" en notas informales) para tools/corpus/engine.py.
Escritos para CareerOps; ninguna frase procede de un buzón real."""
CODE = "es"

COMPANIES = [("Grupo Alameda S.A.", "Grupo Alameda"), ("Soluciones Tajo S.L.", "Soluciones Tajo"), ("Banco del Sur", "Banco del Sur"),
             ("Viñedos Altamira", "Viñedos Altamira"), ("Andina Logística S.A.S.", "Andina Logística"), ("Nébula Software", "Nébula Software"),
             ("Clínica Miraflores", "Clínica Miraflores"), ("Transportes Olmedo", "Transportes Olmedo"), ("Farmacéutica Ibérica S.A.", "Farmacéutica Ibérica"),
             ("Datalia Consultores", "Datalia Consultores"), ("Energías del Ebro", "Energías del Ebro"), ("Pampa Digital", "Pampa Digital"),
             ("Seguros Cantábrico", "Seguros Cantábrico"), ("Mercado Azul", "Mercado Azul"), ("Tecnológica Maya S.A. de C.V.", "Tecnológica Maya"),
             ("Hoteles Brisamar", "Hoteles Brisamar")]
ROLES = [(r, r) for r in ["Analista de Datos", "Desarrollador Backend", "Ingeniera de Software", "Jefe de Proyecto", "Técnico de Soporte",
                          "Responsable de Marketing Digital", "Contable", "Diseñadora UX", "Científico de Datos", "Product Manager",
                          "Administrativo de Recursos Humanos", "Ejecutivo Comercial", "Ingeniero DevOps", "Analista Financiero", "Desarrolladora Frontend"]]
CANDIDATES = [("Lucía", "Romero"), ("Javier", "Martín"), ("Camila", "Herrera"), ("Diego", "Fernández"), ("Sofía", "Castro"), ("Andrés", "Vargas")]
FIRST = ["María", "Carlos", "Laura", "Pablo", "Elena", "Sergio", "Valentina", "Alejandro", "Paula", "Miguel", "Daniela", "Raúl", "Marta", "Jorge"]
LAST = ["García", "López", "Sánchez", "Pérez", "Gómez", "Díaz", "Torres", "Ruiz", "Ramírez", "Moreno", "Navarro", "Ortega"]
TLDS = [".es", ".com", ".com.mx", ".com.ar", ".co"]
TZ = ["+0100", "+0200", "-0600", "-0300", "-0500"]
CITIES = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Ciudad de México", "Buenos Aires", "Bogotá", "Santiago", "remoto"]
WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
WD_SHORT = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
MON_SHORT = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"]


def fmt_time(dt, R):
    return R.choice([f"{dt.hour:02d}:{dt.minute:02d}", f"{dt.hour}:{dt.minute:02d} h", f"{dt.hour:02d}:{dt.minute:02d} h",
                     f"{(dt.hour - 1) % 12 + 1}:{dt.minute:02d} {'a. m.' if dt.hour < 12 else 'p. m.'}"])


def fmt_date(d, R):
    return R.choice([f"{d.day}/{d.month:02d}/{d.year}", f"{d.day} de {MONTHS[d.month - 1]}", f"el {WEEKDAYS[d.weekday()]} {d.day} de {MONTHS[d.month - 1]}",
                     f"{d.day:02d}-{d.month:02d}-{d.year}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"el {WEEKDAYS[dt.weekday()]} {dt.day} de {MONTHS[dt.month - 1]} a las {t}", f"el {dt.day}/{dt.month:02d} a las {t}",
                     f"el {WEEKDAYS[dt.weekday()]} a las {t}", f"el {dt.day} de {MONTHS[dt.month - 1]}, {t}"])


def salary(R):
    return R.choice([f"{R.randint(28, 70)}.000 € brutos anuales", f"{R.randint(30, 90)} mil MXN mensuales", f"{R.randint(32, 65)} k€ al año"])


QUOTE_GMAIL = "El {wd}, {d} {mon} {y} a las {hh}:{mm}, {name} (<{email}>) escribió:"
ORIG = ["-----Mensaje original-----", "De:", "Enviado el:", "Para:", "Asunto:"]
RE = ["RE:", "Re:", "RE:", "Re: RE:"]

PREV_SUBJ = {
    "apply": ["Candidatura – {role}", "Solicitud para el puesto de {role}", "CV para {role}", "Interesada en la vacante de {role}"],
    "after_call": ["Gracias por la llamada", "Seguimiento de nuestra conversación", "{role} – próximos pasos"],
    "avail": ["Disponibilidad", "Horarios para la entrevista", "Agenda para la próxima semana"],
    "followup": ["Consulta sobre mi candidatura", "Seguimiento – {role}", "¿Alguna novedad?"],
    "after_final": ["Gracias por la entrevista final", "Tras la última entrevista", "Gracias por recibirme hoy"],
    "signed": ["Contrato firmado", "Documentación enviada", "¡Con ganas de empezar!"],
    "outreach": ["Oportunidad como {other_role}", "Tu perfil en LinkedIn", "Una pregunta rápida"],
    "personal": ["¿Quedamos el sábado?", "fotos de la boda", "Cumpleaños de la abuela", "cena del viernes"],
}
PREV = {
    "apply": ["Buenos días:\n\nAdjunto mi currículum para el puesto de {role}. Me encantaría aportar mi experiencia a {co}.",
              "Hola {rf}:\n\nAcabo de enviar mi candidatura para {role} a través de vuestra web y quería presentarme directamente.",
              "Estimados señores:\n\nLes escribo para presentar mi candidatura a la vacante de {role} publicada en InfoJobs. Adjunto CV y carta de presentación."],
    "after_call": ["Hola {rf}:\n\nMuchas gracias por tu tiempo hoy. Me ha encantado conocer más sobre el equipo.",
                   "Gracias de nuevo por la llamada de esta mañana; quedo a disposición para lo que necesiten."],
    "avail": ["Hola {rf}, ¡gracias! Puedo el martes por la tarde o el jueves todo el día.", "Perfecto. Me vendría bien:\n{slots}",
              "La semana que viene tengo bastante flexibilidad, salvo el lunes por la mañana."],
    "followup": ["Estimada {rf}:\n\nQuería consultar el estado de mi candidatura para el puesto de {role}.",
                 "Hola, ¿hay alguna novedad sobre mi solicitud de hace unas semanas?"],
    "after_final": ["Hola {rf}:\n\nGracias por organizar la entrevista final de ayer. Fue un placer conocer a todo el equipo.",
                    "Gracias por recibirme hoy en la oficina; salgo aún más ilusionada con el puesto."],
    "signed": ["Hola {rf}:\n\nYa he firmado el contrato y lo he subido al portal. ¡Nos vemos el {start}!",
               "Por mi parte la documentación está lista. Dime si necesitas algo más antes de mi primer día."],
    "outreach": ["Hola {cand}:\n\nTrabajo con un cliente que busca un perfil de {other_role}. ¿Te apetece que lo hablemos?",
                 "Hola {cand}, he visto tu perfil y creo que encajarías muy bien en una posición de {other_role} que estoy gestionando."],
    "personal": ["¿Estáis libres el sábado? Habíamos pensado en hacer una paella.", "¡Por fin te paso las fotos de la boda!", "¿Has reservado ya para el viernes?"],
}
GREET_CASUAL = ["Hola {cand}:", "Hola {cand},", "¡Hola {cand}!", "Buenas, {cand}:", "{cand}, buenos días:", "Qué tal, {cand}:"]
GREET_FORMAL = ["Estimado/a {cand} {cand_last}:", "Estimada candidata, estimado candidato:", "Apreciado/a {cand}:", "Buenos días, {cand}:",
                "Sr./Sra. {cand_last}:"]
OPEN_FORMAL = ["Le agradecemos su interés en el puesto de {role} en {co}.", "Gracias por su interés en formar parte de {co}.",
               "Esperamos que se encuentre bien.", "Gracias por el tiempo que ha dedicado a nuestro proceso de selección.",
               "Nos ponemos en contacto con usted en relación con el puesto de {role} (ref. {ref})."]
CLOSE_FORMAL_LINE = ["Quedamos a su disposición para cualquier consulta.", "Si tiene alguna duda, puede responder a este correo.",
                     "Agradecemos de nuevo su interés en {co}.", "Gracias por su paciencia durante el proceso."]
SIGN_FORMAL = ["Atentamente,\n{rf} {rl}\nDepartamento de Recursos Humanos\n{co}", "Un cordial saludo,\n{rf} {rl}\nTalent Acquisition | {co}",
               "Saludos cordiales,\nEl equipo de Selección de {co}", "Reciba un cordial saludo,\n{rf} {rl}\nPersonas y Cultura, {co}\n{city}"]
SIGN_SHORT = ["Un saludo,\n{rf}", "Saludos,\n{rf}", "{rf}", "Gracias,\n{rf}", "Abrazo, {rf}", "Un abrazo,\n{rf}"]
SIGN_CASUAL = ["¡Un saludo!\n{rf}", "Gracias,\n{rf} {rl}\nRecruiter en {co}", "Hablamos,\n{rf}", "Saludos,\n{rf}\nTalent Partner | {co}"]
SIGN_MGR = ["Un saludo,\n{mgr}\nResponsable de Ingeniería, {co}", "Gracias,\n{mf}\nHead of Data | {co}", "Saludos,\n{mgr}", "{mf}"]
SIGN_TEAM = ["Equipo de Selección de {co}", "Talent Acquisition – {co}", "Gracias,\nEl equipo de {co}", "Recursos Humanos {co}"]
SENT_FROM = ["Enviado desde mi iPhone", "Enviado desde Outlook para Android", "Enviado desde mi móvil"]
MGR_INTRO = ["Soy {mgr}, responsable del equipo en el que trabajarías como {role}; {rf} me ha pasado tu candidatura.",
             "Dirijo el equipo de la vacante y quería escribirte personalmente.", "Soy {mgr}, mánager de contratación para el puesto de {role} en {co}."]
LEGAL = ["{co} es una empresa comprometida con la igualdad de oportunidades.",
         "Este mensaje y sus adjuntos son confidenciales y van dirigidos exclusivamente a su destinatario.",
         "De acuerdo con el RGPD, puede ejercer sus derechos de acceso, rectificación y supresión escribiendo a privacidad@{dom}."]
ATS_FOOTER = ["Este es un mensaje automático; por favor, no responda a este correo.", "Puede consultar el estado de su candidatura en su área de candidato.",
              "Ha recibido este correo porque se inscribió en una oferta de {co}.", "Powered by Factorial"]
ATS_SENDERS = ["{co} <notificaciones@infojobs.net>", "{co} vía Factorial <no-reply@factorialhr.com>", "{co} Empleo <empleo@{dom}>",
               "{co} <noreply@computrabajo.com>"]
MAILBOXES = ["{co} Empleo <empleo@{dom}>", "RRHH {co} <rrhh@{dom}>", "Selección {co} <seleccion@{dom}>", "talento@{dom}"]
CAL = {"invite": "Invitación", "confirmed": "Confirmado", "updated": "Invitación actualizada", "title": "Evento", "when": "Cuándo",
       "dur": "Duración", "where": "Dónde", "organizer": "Organizador", "guests": "Invitados",
       "moved": "Este evento se ha cambiado del {old} al {new}.",
       "intro": ["Se ha programado un nuevo evento con {{who}}.", "{cand}, tu reserva está confirmada.", "Le han invitado al siguiente evento."],
       "changes": "¿Necesitas hacer cambios?", "resched": "Reprogramar", "cancel": "Cancelar", "powered": "Enviado por {tool}"}
PERSONAL_PLACES = ["Clínica Dental Sonrisa, C/ Mayor 12", "Peluquería Estilo", "Veterinario San Antón", "Biblioteca Municipal"]
UNSUB = ["Darse de baja | Preferencias", "Recibes este correo porque te suscribiste. Darte de baja aquí.", "Gestionar notificaciones o darse de baja."]
BOARDS = ["InfoJobs <alertas@infojobs.net>", "Indeed <alert@indeed.com>", "LinkedIn Empleos <jobalerts-noreply@linkedin.com>",
          "Computrabajo <alertas@computrabajo.com>", "Bumeran <avisos@bumeran.com>"]
PREP_SENDERS = ["Entrevista10 <hola@entrevista10.es>", "Academia Empleo Ya <info@empleoya.academy>", "CoachPro <equipo@coachpro.com>"]
SERVICES = ["Correos <notificaciones@correos.es>", "Renfe <venta@renfe.com>", "BBVA <avisos@bbva.es>", "Doctoralia <no-reply@doctoralia.es>",
            "Mercado Libre <notificaciones@mercadolibre.com>", "Glovo <hola@glovoapp.com>"]
AGENCIES = ["Talento Plus", "Michael Page España", "Selecta RRHH", "Headhunters Andes"]

FAM = {
    "ack_note": {
        "subj": ["Su candidatura para {role}", "Hemos recibido tu candidatura", "{co}: gracias por tu interés", "Confirmación de inscripción ({ref})"],
        "short": ["¡Gracias {cand}, recibido! Se lo paso al equipo y te digo algo en cuanto lo revisen.",
                  "Recibido, muchas gracias. Seguimos recogiendo candidaturas, así que puede tardar un par de semanas.",
                  "Gracias por enviarlo, ya estás dentro del proceso para {role}.", "¡Lo tengo! Te escribo si el equipo quiere avanzar."],
        "long": ["Hemos recibido correctamente su candidatura para el puesto de {role} y la revisaremos con detenimiento en las próximas semanas.",
                 "Nuestro equipo está revisando las candidaturas. Debido al elevado número de solicitudes, es posible que no podamos responder a todas individualmente; si su perfil encaja, nos pondremos en contacto.",
                 "Su candidatura ya está en manos del equipo de selección. Si no recibe noticias en un plazo de cuatro semanas, conservaremos sus datos para futuras vacantes.",
                 "Te confirmamos que tu solicitud para {role} se ha registrado con éxito. Te contactaremos si tu perfil encaja con lo que buscamos."],
        "extra": ["Lamentablemente, en esta fase no podemos dar feedback individual.", "Puede seguir el estado de su candidatura en el portal.",
                  "La oferta permanecerá abierta hasta que se cubra la vacante."],
    },
    "assessment": {
        "subj": ["Siguiente paso: prueba técnica", "Tu evaluación online con {co}", "Reto de programación – {role}", "Acción requerida: prueba para {role}"],
        "short": ["Como siguiente paso, te paso la prueba para hacer en casa: {link}. Tienes {n} días; no deberías necesitar más de 3-4 horas.",
                  "El equipo quiere que hagas primero un test corto en {tool}. Te llegará el enlace en otro correo.",
                  "Lo siguiente es un caso práctico por escrito. Te adjunto el enunciado; avísame cuando lo entregues."],
        "long": ["Como siguiente paso del proceso, le invitamos a realizar una evaluación online en {tool}. Dura unos 60 minutos y debe completarse antes del {deadline}.",
                 "Le rogamos que realice la prueba técnica adjunta y suba su solución al portal en un plazo de {n} días. Revisamos todas las entregas antes de decidir los siguientes pasos.",
                 "Antes de continuar, pedimos a todas las personas candidatas que completen un test de aptitudes y un cuestionario de personalidad. Puede hacerlos cuando mejor le venga."],
        "extra": ["Si necesita alguna adaptación para la prueba, indíquenoslo.", "No hace falta preparar nada en especial."],
    },
    "interview_invite": {
        "subj": ["Invitación a entrevista – {role}", "Entrevista con {co}", "{role}: primera conversación", "Convocatoria de entrevista"],
        "subj_casual": ["¿Hablamos?", "{role} – siguiente paso", "¿Una llamada rápida?", "Nos ha gustado tu perfil"],
        "short": ["¿Tendrías 30 minutos esta semana para una llamada rápida? {slots}", "Al equipo le ha gustado tu perfil, ¿te viene bien {when} para una primera charla?",
                  "¿Podemos hablar 20 minutos el {day}? Es solo para conocernos, no hace falta preparar nada.",
                  "¡La responsable del equipo quiere conocerte! ¿Te va bien {when}?", "¿Tienes un hueco {when} para una entrevista telefónica? Te llamo al número de tu CV."],
        "long": ["Nos gustaría invitarle a una entrevista para el puesto de {role}. Tendrá lugar {when} por {platform} y durará unos {dur} minutos.",
                 "Tras revisar su candidatura, nos complace convocarle a una primera entrevista con {mgr} y un miembro del equipo {when}.",
                 "Nos encantaría conocerle mejor. Por favor, indíquenos si le viene bien {when} para una primera entrevista o proponga otro horario.",
                 "Su perfil nos ha llamado la atención y el equipo quiere conocerle. Elija un hueco para una videollamada de {dur} minutos aquí: {link}"],
        "ats": ["Ha sido invitado/a a programar una entrevista para {role}. Seleccione el horario que mejor le convenga: {link}",
                "¡Buenas noticias! El equipo quiere avanzar con una entrevista. Reserva tu hueco en el siguiente enlace.\n{link}"],
        "cal_title": ["Entrevista telefónica – {role}", "Primera llamada: {cand} / {co}", "Entrevista con {mgr} – {role}", "{co} – primera entrevista"],
        "cal_note": ["¡Con ganas de hablar contigo!", "Conéctate unos minutos antes, por favor."],
        "extra": ["Traiga su DNI, por favor.", "Avísenos si necesita algún tipo de adaptación.", "Estará {mgr}, que lidera el equipo."],
    },
    "interview_schedule": {
        "subj": ["Confirmación de la entrevista", "Cambio de hora de su entrevista", "Nueva fecha: su entrevista en {co}", "¿Podemos mover la llamada?"],
        "subj_casual": ["pequeño cambio", "la llamada de mañana", "¿Nueva hora?", "{day}"],
        "short": ["Te confirmo {when} para tu charla con {mgr}. Ahora te mando la invitación.", "Nos ha surgido un imprevisto, ¿podríamos pasar lo del jueves a {when}?",
                  "{when} perfecto, invitación enviada.", "¡Perdona el lío! {mgr} está de baja, ¿lo movemos a {when}?",
                  "Una pregunta rápida: ¿{day} a las {time} o mejor la mañana siguiente?", "Todo listo para {when}. Mismo enlace que la otra vez."],
        "long": ["Necesitamos reprogramar la entrevista prevista para esta semana. ¿Le vendría bien {when}?",
                 "Le confirmamos su entrevista para el puesto de {role} {when}. El enlace de la reunión es {link}.",
                 "Gracias por su disponibilidad. Su conversación con {mgr} queda fijada para {when} ({dur} minutos).",
                 "Por favor, elija uno de los siguientes horarios para la segunda entrevista:\n{slots}"],
        "ats": ["Su entrevista ha sido programada.\n\nPuesto: {role}\nCuándo: {when}\nDónde: {platform} ({link})",
                "Su entrevista para {role} se ha trasladado a {when}. Si la nueva hora no le viene bien, elija otra en el enlace."],
        "cal_title": ["Entrevista: {role} – {co}", "Segunda entrevista con {mgr}", "{cand} / {mgr} (responsable de área)", "Entrevista – {co}"],
        "cal_note": ["¡Perdona los cambios!", "Responde a este correo si necesitas otra hora."],
    },
    "interview_technical": {
        "subj": ["Entrevista técnica – {role}", "Jornada de entrevistas en {co}", "Siguiente fase: live coding", "Entrevista final – {role}",
                 "Convocatoria a entrevista con panel", "Presentación de tu prueba técnica"],
        "subj_casual": ["¡siguiente ronda!", "Entrevista técnica", "Detalles de la ronda final"],
        "short": ["¡Buenas noticias! Lo siguiente es una sesión de live coding. ¿Te va bien {when}? Usaremos {platform}.",
                  "¡Tu prueba ha gustado mucho! El siguiente paso son 60 minutos para repasarla con dos ingenieros, ¿puedes {when}?",
                  "Pasas a la ronda final: cuatro entrevistas seguidas el {date}, empezando a las {time}.",
                  "La entrevista técnica queda para {when}. Será un ejercicio de programación en pareja en el lenguaje que prefieras.",
                  "El panel quiere conocerle el {day}. Le enviamos la agenda."],
        "long": ["Nos complace invitarle a la entrevista técnica para el puesto de {role} {when}. Resolverá un problema de programación junto a uno de nuestros ingenieros en un editor compartido ({tool}).",
                 "La siguiente fase es nuestra jornada presencial: una entrevista de diseño de sistemas, una sesión de live coding y una conversación sobre sus proyectos con {mgr}. Será el {date} a partir de las {time} en nuestra oficina de {city}.",
                 "Queremos invitarle a una entrevista con un panel de tres personas del equipo {when}. Prepare una presentación de diez minutos de su prueba técnica; la comentaremos juntos.",
                 "Enhorabuena por superar la primera entrevista. La entrevista final será con {mgr} y nuestra directora general {when}."],
        "ats": ["Ha sido invitado/a a una entrevista técnica para {role}.\nFormato: live coding ({dur} min)\nCuándo: {when}\nEnlace: {link}"],
        "cal_title": ["Entrevista de live coding – {role}", "Entrevista de diseño de sistemas", "Jornada presencial (4 sesiones) – {co}",
                      "Revisión de la prueba con {mgr}", "Entrevista final – {co}", "Entrevista técnica"],
        "cal_note": ["Ten tu entorno de desarrollo preparado.", "Compartiremos el enlace de CoderPad al inicio."],
        "extra": ["No hace falta memorizar algoritmos: nos interesa cómo razonas.", "Puedes usar el lenguaje que quieras."],
    },
    "offer_explicit": {
        "subj": ["Tu oferta de {co}", "Oferta de empleo – {role}", "Propuesta de incorporación", "Carta oferta adjunta"],
        "subj_casual": ["¡Buenas noticias!", "La oferta 🎉", "¡Enhorabuena!"],
        "short": ["¡Qué alegría decirte que queremos hacerte una oferta! Te adjunto los detalles y mañana lo hablamos.",
                  "Adjunto la oferta oficial. Tómate tu tiempo y llámame si tienes dudas.", "El equipo lo tiene claro: ¡queremos ofrecerte el puesto de {role}!"],
        "long": ["Nos complace ofrecerle el puesto de {role} en {co}. Adjuntamos la carta oferta, con un salario bruto anual de {salary} y fecha de incorporación el {start}.",
                 "Tras el proceso de entrevistas, me alegra trasladarle una oferta de empleo para el puesto de {role}. La oferta es válida hasta el {deadline}.",
                 "¡Enhorabuena! Queremos ofrecerle el puesto. Encontrará la oferta por escrito, con la retribución y los beneficios, en su portal de candidato."],
        "ats": ["Ha recibido una oferta de {co}. Revísela y fírmela aquí: {link}", "{co} le ha enviado una carta oferta para firmar mediante DocuSign."],
        "extra": ["Le rogamos que nos la devuelva firmada antes del {deadline}.", "Nos encantaría tener una respuesta antes de finales de la semana que viene."],
    },
    "offer_implicit": {
        "subj": ["¡Bienvenido/a a {co}!", "Tu contrato – {role}", "Próximos pasos para tu incorporación", "Condiciones y fecha de inicio"],
        "subj_casual": ["lo que hablamos", "papeleo", "¡Te queremos en el equipo!"],
        "short": ["Como te comenté por teléfono, ¡nos encantaría que te unieras al equipo! Te adjunto el contrato; empezar el {start} nos va genial.",
                  "Resumen de la llamada: fijo de {salary} más variable, incorporación el {start}. Dame el ok y preparo los papeles.",
                  "Todo el equipo está encantado. ¿Puedes firmar el contrato antes del {deadline}? Así pedimos ya tu portátil.",
                  "¡Qué bien hablar contigo antes! Te paso el resumen de la retribución. ¿Cerramos el {start} como primer día?"],
        "long": ["Tal y como hablamos, nos alegra confirmarle que queremos que se incorpore a {co} como {role}. Adjuntamos su contrato para la firma; la fecha de inicio propuesta es el {start}.",
                 "Adjuntamos el paquete retributivo que comentamos: salario bruto anual de {salary}, bonus anual y 23 días laborables de vacaciones. Le rogamos nos devuelva el contrato firmado antes del {deadline}.",
                 "Todo el equipo está deseando darle la bienvenida. Recursos Humanos le enviará hoy el contrato y la documentación de incorporación; proponemos el {start} como primer día.",
                 "Tras el acuerdo verbal por teléfono, le enviamos por escrito las condiciones: salario de {salary}, modalidad híbrida desde {city} e incorporación el {start}."],
        "extra": ["El primer día traiga su DNI y el número de la Seguridad Social.", "Su responsable será {mgr}."],
    },
    "rejection_plain": {
        "subj": ["Su candidatura para {role}", "Respuesta a tu candidatura", "{co} – estado de su solicitud", "Proceso de selección {role}"],
        "short": ["Gracias por tu paciencia, {cand}. Por desgracia, el equipo ha decidido no seguir adelante con tu candidatura.",
                  "Te cuento: no vamos a avanzar con tu solicitud para {role}. ¡Mil gracias por el interés!",
                  "Siento decirte que nos hemos decantado por perfiles que se ajustan más a lo que buscamos."],
        "long": ["Tras estudiar detenidamente su candidatura, lamentamos comunicarle que no continuará en el proceso de selección para el puesto de {role}.",
                 "Hemos revisado su perfil y hemos decidido continuar con otras candidaturas que se ajustan mejor a los requisitos del puesto.",
                 "Lamentablemente, en esta ocasión su candidatura no ha sido seleccionada. Conservaremos sus datos para futuros procesos.",
                 "Sentimos informarle de que hemos optado por otros perfiles para esta posición."],
        "extra": ["Le deseamos mucho éxito en su búsqueda.", "Debido al volumen de candidaturas, no podemos ofrecer feedback individual."],
    },
    "rejection_after_interview": {
        "subj": ["Tras su entrevista", "Novedades después de la entrevista", "{role} – nuestra decisión", "Gracias por participar en las entrevistas"],
        "subj_casual": ["novedades", "sobre nuestra charla", "noticias del puesto"],
        "short": ["Gracias otra vez por todo el tiempo que le has dedicado a las entrevistas. Hemos hecho una oferta a otra persona, así que esta vez no seguimos contigo.",
                  "Lo siento, al final nos hemos quedado con alguien cuya experiencia encaja un poco más con lo que necesitamos ahora.",
                  "Ha estado muy reñido: quedabais tú y otra candidata, y le hemos ofrecido el puesto a ella."],
        "long": ["Gracias por participar en las entrevistas para el puesto de {role}. Ha sido una decisión difícil, pero hemos ofrecido el puesto a otra persona candidata, que ya lo ha aceptado.",
                 "Ha sido un placer conocerle durante el proceso. Tras mucho valorarlo, hemos decidido seguir adelante con otra candidatura para esta posición.",
                 "Tras la entrevista final, el comité ha decidido no continuar con su candidatura. Nos impresionó su preparación y nos gustaría seguir en contacto."],
        "extra": ["Si quieres feedback de las entrevistas, te llamo encantada.", "Nos encantaría volver a contar contigo en futuros procesos."],
    },
    "offer_withdrawn": {
        "subj": ["Información importante sobre su oferta", "Sobre el puesto de {role}", "Cambio en nuestros planes de contratación", "Tu oferta – actualización"],
        "short": ["Lo siento muchísimo, pero por una congelación de presupuesto tenemos que retirar la oferta de la semana pasada.",
                  "Malas noticias: tras la reorganización el puesto se ha cancelado, así que no podremos contar contigo el {start}.",
                  "Me cuesta escribir esto: dirección ha paralizado todas las contrataciones y la oferta queda anulada."],
        "long": ["Debido a una reestructuración imprevista, lamentamos tener que retirar la oferta de empleo para el puesto de {role}.",
                 "Le informamos de que el puesto de {role} ha sido cancelado a raíz de una congelación de contrataciones en toda la empresa. Por ello, no podremos formalizar su incorporación.",
                 "Lamentablemente, la verificación de antecedentes no ha podido completarse satisfactoriamente y debemos anular nuestra oferta condicionada."],
    },
    "job_alerts": {
        "subj": ["{n} nuevas ofertas de «{role_plain}» en {city}", "Empleos que te pueden interesar", "Nuevo: {role2} en {co2} y más", "Tu alerta de empleo diaria"],
        "long": ["Estas son las nuevas ofertas que coinciden con tu búsqueda «{role_plain}».", "Según tu perfil, estos empleos podrían interesarte:",
                 "Hay empresas cerca de {city} buscando {role_plain}. ¡Sé de los primeros en inscribirte!"],
        "ats": ["Formas parte de la comunidad de talento de {co2}. Esta semana hemos publicado:\n{role2} – {city}\n{role3} – remoto",
                "Se acaba de publicar una oferta que coincide con tu búsqueda guardada: {role2} en {co2}. Inscríbete con un clic."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Inscripción rápida", "{role2} ({co2}), publicada hace 2 días"],
        "extra": ["Inscribirse pronto mejora tus opciones.", "Hay información salarial para 3 de estas ofertas."],
    },
    "prep_marketing": {
        "subj": ["Triunfa en tu próxima entrevista", "Webinar gratuito: la entrevista por competencias", "Tu simulacro de entrevista está reservado",
                 "Última oportunidad: 40 % de descuento en coaching", "5 preguntas que siempre hacen en una entrevista"],
        "subj_casual": ["Tu entrevista de práctica", "La práctica hace al maestro"],
        "short": ["Tu simulacro de entrevista con {coach} está confirmado para {when}. Es una sesión de práctica: no participa ninguna empresa.",
                  "¡Gracias por reservar una entrevista técnica de práctica! Tu compañero te espera {when}.",
                  "¿Preparado para buscar trabajo? Únete a nuestro taller gratuito en directo el {date} y practica tus respuestas con un coach."],
        "long": ["¿Te ponen nervioso las entrevistas? Nuestros coaches han ayudado a más de 10.000 personas a conseguir trabajo. Reserva hoy un simulacro con feedback personalizado.",
                 "Apúntate a nuestro webinar gratuito del {date}: cómo responder a «háblame de ti», negociar el salario y escribir el correo de seguimiento.",
                 "Esta semana en la newsletter: el método STAR, cómo preparar una entrevista de live coding y qué preguntar al final."],
        "cal_title": ["Simulacro de entrevista con {coach}", "Webinar: Supera la entrevista por competencias", "Entrevista de práctica (diseño de sistemas)",
                      "Sesión de coaching de entrevistas"],
        "items": ["▶ Las 7 preguntas más habituales", "▶ Cómo hacer seguimiento tras una entrevista", "▶ Negociar tu primera oferta"],
        "extra": ["Usa el código LISTO40 al pagar.", "Plazas limitadas."],
    },
    "cold_outreach": {
        "subj": ["Oportunidad como {other_role}", "Posición interesante con un cliente", "¿Abierto/a a nuevas oportunidades?", "Tu perfil me ha llamado la atención"],
        "short": ["He visto tu perfil y creo que encajarías genial en una posición de {other_role} con uno de mis clientes. ¿Hablamos 10 minutos?",
                  "Te escribo de nuevo por si se perdió mi mensaje: la posición de {other_role} sigue abierta.",
                  "Estoy buscando {other_role} en remoto, hasta {salary}. ¿Te interesa?"],
        "long": ["Soy consultora de selección especializada en tecnología. Uno de nuestros clientes, una scale-up de {city}, busca {other_role} y su trayectoria encaja muy bien. ¿Estaría abierto/a a una conversación confidencial?",
                 "Ayudamos a empresas a construir sus equipos y ahora mismo represento a varios empleadores que buscan perfiles de {other_role}. Si está abierto/a a nuevas oportunidades, respóndame con un buen momento para hablar."],
    },
    "personal": {
        "subj": ["¿El sábado?", "Tu pedido está en camino", "Recordatorio de cita", "Tu extracto mensual ya está disponible", "Club de lectura"],
        "short": ["¡Sí! El sábado me va bien. ¿Quedamos a las 10 en la estación?", "Jajaja, qué fotos. ¿Me pasas la del lago?",
                  "El jueves no puedo, lo siento, ¿la semana que viene?", "Reservado para las 21:30. ¡Nos vemos!"],
        "long": ["Tu pedido {ref} ha salido del almacén y llegará el {date}.", "Recordatorio: tiene cita {when}. Le rogamos que llegue 10 minutos antes.",
                 "Ya tiene disponible el extracto de este mes en la app.", "¡Gracias por tu compra! Adjuntamos tus billetes."],
        "cal_title": ["Revisión dental", "Peluquería", "Veterinario – Toby", "Reunión de padres", "Club de lectura"],
    },
}
