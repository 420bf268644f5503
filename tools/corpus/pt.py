"""Textos em português (Brasil e Portugal; "o senhor/a senhora" e "você"
formais em cartas e mensagens automáticas, "você/tu" informal em notas
curtas) para tools/corpus/engine.py.
Escritos para o CareerOps; nenhuma frase vem de uma caixa de correio real."""
CODE = "pt"

COMPANIES = [("Grupo Ipê S.A.", "Grupo Ipê"), ("Tecnologia Jacarandá Ltda.", "Tecnologia Jacarandá"), ("Banco Aurora", "Banco Aurora"),
             ("Logística Tietê", "Logística Tietê"), ("Vinhos do Douro Lda.", "Vinhos do Douro"), ("Clínica Santa Luzia", "Clínica Santa Luzia"),
             ("Maré Alta Digital", "Maré Alta Digital"), ("Seguradora Atlântico", "Seguradora Atlântico"), ("Farmácias Bem-Estar", "Farmácias Bem-Estar"),
             ("Energia Serra Verde S.A.", "Energia Serra Verde"), ("Cajuína Software", "Cajuína Software"), ("Transportes Minuano", "Transportes Minuano"),
             ("Papelaria Estrela", "Papelaria Estrela"), ("Oceânica Dados", "Oceânica Dados"), ("Lisboa Labs", "Lisboa Labs"), ("Mercado Pitanga", "Mercado Pitanga")]
ROLES = [(r, r) for r in ["Analista de Dados", "Desenvolvedor Back-end", "Engenheira de Software", "Gerente de Projetos", "Analista de Suporte",
                          "Coordenadora de Marketing", "Assistente Administrativo", "Designer UX", "Cientista de Dados", "Analista Financeiro",
                          "Programador Java", "Técnica de Recursos Humanos", "Executivo de Contas", "Engenheiro DevOps", "Product Owner"]]
CANDIDATES = [("Ana", "Souza"), ("Rafael", "Oliveira"), ("Beatriz", "Costa"), ("Lucas", "Almeida"), ("Mariana", "Ferreira"), ("João", "Pereira")]
FIRST = ["Fernanda", "Gustavo", "Juliana", "Rodrigo", "Patrícia", "Thiago", "Camila", "Bruno", "Larissa", "Pedro", "Renata", "Tiago", "Inês", "Miguel"]
LAST = ["Silva", "Santos", "Rodrigues", "Lima", "Carvalho", "Gomes", "Martins", "Araújo", "Ribeiro", "Barbosa", "Rocha", "Mendes"]
TLDS = [".com.br", ".com.br", ".com", ".pt"]
TZ = ["-0300", "-0300", "+0000", "+0100"]
CITIES = ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Recife", "Lisboa", "Porto", "remoto"]
WEEKDAYS = ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"]
WD_SHORT = ["seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."]
MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]
MON_SHORT = ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."]


def fmt_time(dt, R):
    return R.choice([f"{dt.hour}h{dt.minute:02d}" if dt.minute else f"{dt.hour}h", f"{dt.hour:02d}:{dt.minute:02d}", f"{dt.hour}h{dt.minute:02d}"])


def fmt_date(d, R):
    return R.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} de {MONTHS[d.month - 1]}", f"{WEEKDAYS[d.weekday()]}, {d.day} de {MONTHS[d.month - 1]}",
                     f"{d.day:02d}/{d.month:02d}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"{WEEKDAYS[dt.weekday()]}, {dt.day} de {MONTHS[dt.month - 1]}, às {t}", f"{WEEKDAYS[dt.weekday()]} ({dt.day:02d}/{dt.month:02d}) às {t}",
                     f"dia {dt.day:02d}/{dt.month:02d} às {t}", f"{WEEKDAYS[dt.weekday()]} às {t}", f"{dt.day} de {MONTHS[dt.month - 1]}, {t}"])


def salary(R):
    return R.choice([f"R$ {R.randint(6, 25)}.{R.choice(['000', '500'])},00 mensais", f"R$ {R.randint(90, 300)} mil por ano", f"{R.randint(22, 55)} 000 € brutos anuais"])


QUOTE_GMAIL = "Em {wd}, {d} de {mon} de {y} às {hh2}:{mm}, {name} <{email}> escreveu:"
ORIG = ["-----Mensagem original-----", "De:", "Enviada em:", "Para:", "Assunto:"]
RE = ["RE:", "Re:", "RES:", "Re: RES:"]

PREV_SUBJ = {
    "apply": ["Candidatura – {role}", "Currículo para a vaga de {role}", "Vaga {role}", "Interesse na vaga de {role}"],
    "after_call": ["Obrigada pela conversa", "Sobre a nossa ligação", "{role} – próximos passos?"],
    "avail": ["Disponibilidade", "Horários para a entrevista", "Agenda da próxima semana"],
    "followup": ["Andamento da minha candidatura", "Retorno – {role}", "Alguma novidade?"],
    "after_final": ["Obrigado pela entrevista final", "Após a última entrevista", "Obrigada por me receberem hoje"],
    "signed": ["Contrato assinado", "Documentos enviados", "Ansioso para começar!"],
    "outreach": ["Oportunidade como {other_role}", "Seu perfil no LinkedIn", "Uma pergunta rápida"],
    "personal": ["Sábado?", "fotos do casamento", "Aniversário da vó", "jantar de sexta"],
}
PREV = {
    "apply": ["Prezados,\n\nSegue em anexo meu currículo para a vaga de {role}. Adoraria contribuir com a {co}.",
              "Olá, {rf}!\n\nAcabei de me candidatar à vaga de {role} pelo site de vocês e queria me apresentar diretamente.",
              "Bom dia,\n\nVenho por meio deste apresentar minha candidatura à vaga de {role} divulgada na Gupy. Currículo e carta em anexo."],
    "after_call": ["Oi {rf},\n\nMuito obrigada pelo seu tempo hoje. Gostei muito de conhecer mais sobre o time.",
                   "Obrigado mais uma vez pela ligação de hoje de manhã; fico à disposição para o que precisarem."],
    "avail": ["Oi {rf}, obrigada! Posso na terça à tarde ou na quinta o dia todo.", "Ótimo. Tenho disponibilidade em:\n{slots}",
              "Na semana que vem estou bem flexível, exceto segunda de manhã."],
    "followup": ["Prezada {rf},\n\nGostaria de saber como está o andamento do processo seletivo para a vaga de {role}.",
                 "Olá, há alguma novidade sobre minha candidatura de algumas semanas atrás?"],
    "after_final": ["Oi {rf},\n\nObrigado por organizar a entrevista final de ontem. Foi um prazer conhecer todo o time.",
                    "Obrigada por me receberem hoje no escritório – saí ainda mais animada com a vaga."],
    "signed": ["Oi {rf},\n\nJá assinei o contrato e enviei pelo portal. Nos vemos dia {start}!",
               "Da minha parte a documentação está pronta. Me avise se precisar de mais alguma coisa antes do primeiro dia."],
    "outreach": ["Olá {cand},\n\nEstou com uma vaga de {other_role} em um cliente. Topa conversar?",
                 "Oi {cand}, vi seu perfil e acho que você se encaixa muito bem numa posição de {other_role} que estou conduzindo."],
    "personal": ["Vocês estão livres no sábado? Pensamos em fazer um churrasco.", "Finalmente as fotos do casamento!", "Já reservou pra sexta?"],
}
GREET_CASUAL = ["Oi {cand},", "Olá {cand}!", "Oi, {cand}!", "Olá, {cand},", "{cand}, tudo bem?", "Bom dia, {cand}!"]
GREET_FORMAL = ["Prezado(a) {cand} {cand_last},", "Prezada candidata, prezado candidato,", "Caro(a) {cand},", "Exmo(a). Sr(a). {cand_last},", "Olá, {cand} {cand_last},"]
OPEN_FORMAL = ["Agradecemos seu interesse na vaga de {role} na {co}.", "Obrigado pelo interesse em fazer parte da {co}.",
               "Esperamos que esteja bem.", "Agradecemos o tempo dedicado ao nosso processo seletivo até aqui.",
               "Entramos em contato a respeito da vaga de {role} (ref. {ref})."]
CLOSE_FORMAL_LINE = ["Ficamos à disposição para qualquer dúvida.", "Em caso de dúvidas, basta responder a este e-mail.",
                     "Agradecemos mais uma vez seu interesse na {co}.", "Obrigado pela paciência ao longo do processo."]
SIGN_FORMAL = ["Atenciosamente,\n{rf} {rl}\nRecursos Humanos\n{co}", "Cordialmente,\n{rf} {rl}\nAtração de Talentos | {co}",
               "Um abraço,\nEquipe de Recrutamento {co}", "Com os melhores cumprimentos,\n{rf} {rl}\nGestão de Pessoas, {co}\n{city}"]
SIGN_SHORT = ["Abs,\n{rf}", "Abraço,\n{rf}", "{rf}", "Obrigada,\n{rf}", "Bjs, {rf}", "Att,\n{rf}"]
SIGN_CASUAL = ["Abraços,\n{rf}", "Valeu!\n{rf} {rl}\nTech Recruiter na {co}", "Até mais,\n{rf}", "Abs,\n{rf}\nTalent Partner | {co}"]
SIGN_MGR = ["Abraço,\n{mgr}\nGerente de Engenharia, {co}", "Obrigado,\n{mf}\nHead de Dados | {co}", "Abs,\n{mgr}", "{mf}"]
SIGN_TEAM = ["Equipe de Recrutamento {co}", "Time de Talentos – {co}", "Obrigado,\nEquipe {co}", "Gestão de Pessoas {co}"]
SENT_FROM = ["Enviado do meu iPhone", "Enviado do Outlook para Android", "Enviado do meu celular"]
MGR_INTRO = ["Sou {mgr}, gestor(a) da equipe em que você trabalharia como {role}; a {rf} me passou sua candidatura.",
             "Lidero o time da vaga e quis escrever pessoalmente.", "Sou {mgr}, responsável pela contratação da vaga de {role} na {co}."]
LEGAL = ["A {co} valoriza a diversidade e a igualdade de oportunidades.",
         "Esta mensagem e seus anexos são confidenciais e destinados exclusivamente ao destinatário.",
         "Em conformidade com a LGPD, seus dados são tratados conforme nossa Política de Privacidade em {dom}/privacidade."]
ATS_FOOTER = ["Esta é uma mensagem automática, por favor não responda.", "Acompanhe o status da sua candidatura na sua área do candidato.",
              "Você recebeu este e-mail porque se candidatou a uma vaga da {co}.", "Tecnologia Gupy"]
ATS_SENDERS = ["{co} <naoresponda@gupy.io>", "{co} via Kenoby <no-reply@kenoby.com>", "{co} Carreiras <carreiras@{dom}>", "{co} <vagas@solides.com.br>"]
MAILBOXES = ["{co} Carreiras <carreiras@{dom}>", "RH {co} <rh@{dom}>", "Recrutamento {co} <recrutamento@{dom}>", "vagas@{dom}"]
CAL = {"invite": "Convite", "confirmed": "Confirmado", "updated": "Convite atualizado", "title": "Evento", "when": "Quando",
       "dur": "Duração", "where": "Onde", "organizer": "Organizador", "guests": "Convidados",
       "moved": "Este evento foi remarcado de {old} para {new}.",
       "intro": ["Um novo evento foi agendado com {{who}}.", "{cand}, seu agendamento está confirmado.", "Você foi convidado(a) para o seguinte evento."],
       "changes": "Precisa fazer alterações?", "resched": "Remarcar", "cancel": "Cancelar", "powered": "Enviado por {tool}"}
PERSONAL_PLACES = ["Clínica Odonto Sorriso, Rua das Flores 120", "Salão Beleza Pura", "Clínica Veterinária Amigo Fiel", "Biblioteca Municipal"]
UNSUB = ["Cancelar inscrição | Preferências", "Você recebe este e-mail porque se cadastrou. Descadastre-se aqui.", "Gerencie seus alertas ou cancele a inscrição."]
BOARDS = ["Indeed <alert@indeed.com>", "Catho <alertas@catho.com.br>", "LinkedIn Vagas <jobalerts-noreply@linkedin.com>",
          "InfoJobs Brasil <alertas@infojobs.com.br>", "Net-Empregos <alertas@net-empregos.com>"]
PREP_SENDERS = ["Entrevista Certa <ola@entrevistacerta.com.br>", "Academia Carreira <contato@academiacarreira.com>", "PrepTech <oi@preptech.dev>"]
SERVICES = ["Correios <naoresponda@correios.com.br>", "CTT <notificacoes@ctt.pt>", "Nubank <meajuda@nubank.com.br>", "iFood <naoresponda@ifood.com.br>",
            "Doctoralia <no-reply@doctoralia.com.br>", "Mercado Livre <notificacoes@mercadolivre.com>"]
AGENCIES = ["Talentos Brasil", "Robert Half", "Caçadores de Talentos", "Recruta Tech"]

FAM = {
    "ack_note": {
        "subj": ["Sua candidatura para {role}", "Recebemos sua candidatura", "{co}: obrigado pelo interesse", "Confirmação de inscrição ({ref})"],
        "short": ["Obrigada, {cand}, recebi! Vou passar para o time e te dou um retorno assim que avaliarem.",
                  "Recebido, obrigado. Ainda estamos recebendo currículos, então pode levar umas duas semanas.",
                  "Valeu por mandar! Você já está no processo da vaga de {role}.", "Recebi, obrigado! Te procuro se o time quiser seguir."],
        "long": ["Recebemos sua candidatura para a vaga de {role} e vamos analisá-la com atenção nas próximas semanas.",
                 "Nossa equipe está analisando as candidaturas. Devido ao grande volume, talvez não consigamos responder a todos individualmente; se seu perfil estiver alinhado, entraremos em contato.",
                 "Sua candidatura já está com o time de recrutamento. Caso não receba retorno em quatro semanas, manteremos seus dados em nosso banco de talentos para futuras oportunidades.",
                 "Confirmamos que sua inscrição para {role} foi registrada com sucesso. Entraremos em contato se houver aderência ao perfil da vaga."],
        "extra": ["Infelizmente não conseguimos dar feedback individual nesta etapa.", "Você pode acompanhar o andamento pelo portal.",
                  "A vaga permanece aberta até ser preenchida."],
    },
    "assessment": {
        "subj": ["Próxima etapa: teste técnico", "Sua avaliação online – {co}", "Desafio técnico – {role}", "Ação necessária: teste para {role}"],
        "short": ["Próxima etapa: o desafio para fazer em casa está aqui: {link}. Você tem {n} dias, não deve levar mais que 3–4 horas.",
                  "O time quer que você faça primeiro um teste rápido na {tool}. O link chega em outro e-mail.",
                  "Agora vem um case por escrito. O enunciado está em anexo; me avisa quando entregar."],
        "long": ["Como próxima etapa do processo, convidamos você a realizar uma avaliação online na plataforma {tool}. Ela leva cerca de 60 minutos e deve ser concluída até {deadline}.",
                 "Pedimos que realize o desafio técnico em anexo e envie sua solução pelo portal em até {n} dias. Avaliamos todas as entregas antes de definir os próximos passos.",
                 "Antes de seguir, pedimos a todos os candidatos que respondam a um teste de habilidades e a um questionário comportamental, no horário que preferirem."],
        "extra": ["Se precisar de alguma adaptação para o teste, nos avise.", "Não é preciso preparar nada em especial."],
    },
    "interview_invite": {
        "subj": ["Convite para entrevista – {role}", "Entrevista na {co}", "{role}: primeira conversa", "Convocação para entrevista"],
        "subj_casual": ["Bora conversar?", "{role} – próximo passo", "Uma call rápida?", "Gostamos do seu perfil"],
        "short": ["Você teria 30 minutos esta semana para uma call rápida? {slots}", "O time curtiu seu perfil – {when} funciona pra um primeiro papo?",
                  "Podemos conversar 20 minutinhos na {day}? Só pra gente se conhecer, nada pra preparar.",
                  "A gestora quer te conhecer! {when} fica bom?", "Você teria disponibilidade {when} para uma entrevista por telefone? Ligo no número do seu currículo."],
        "long": ["Gostaríamos de convidá-lo(a) para uma entrevista para a vaga de {role}. Ela será {when} pelo {platform} e terá duração de cerca de {dur} minutos.",
                 "Após análise do seu currículo, temos o prazer de convidá-lo(a) para uma primeira entrevista com {mgr} e uma pessoa do time, {when}.",
                 "Queremos conhecer você melhor. Por favor, confirme se {when} é um bom horário para a primeira entrevista ou sugira outro.",
                 "Seu perfil chamou nossa atenção e o time gostaria de conhecer você. Escolha um horário para uma videochamada de {dur} minutos aqui: {link}"],
        "ats": ["Você foi convidado(a) a agendar uma entrevista para {role}. Escolha o melhor horário: {link}",
                "Boa notícia! O time quer seguir com uma entrevista. Agende seu horário pelo link abaixo.\n{link}"],
        "cal_title": ["Entrevista por telefone – {role}", "Primeira conversa: {cand} / {co}", "Entrevista com {mgr} – {role}", "{co} – entrevista inicial"],
        "cal_note": ["Até lá!", "Entre alguns minutos antes, por favor."],
        "extra": ["Por favor, traga um documento com foto.", "Avise-nos se precisar de alguma adaptação.", "{mgr}, que lidera o time, também vai participar."],
    },
    "interview_schedule": {
        "subj": ["Confirmação da entrevista", "Remarcação da sua entrevista", "Novo horário: sua entrevista na {co}", "Podemos remarcar nossa conversa?"],
        "subj_casual": ["pequena mudança", "a call de amanhã", "Novo horário?", "{day}"],
        "short": ["Confirmado {when} para seu papo com {mgr}. O convite já vai.", "Surgiu um imprevisto aqui – conseguimos passar a de quinta para {when}?",
                  "{when} é perfeito, convite enviado.", "Desculpa a confusão! {mgr} ficou doente, podemos passar para {when}?",
                  "Pergunta rápida: {day} às {time} ou prefere a manhã seguinte?", "Tudo certo para {when}. Mesmo link da última vez."],
        "long": ["Precisamos remarcar sua entrevista prevista para esta semana. {when} seria possível para você?",
                 "Confirmamos sua entrevista para a vaga de {role}: {when}. O link da reunião é {link}.",
                 "Obrigado pela disponibilidade. Sua conversa com {mgr} ficou agendada para {when} ({dur} minutos).",
                 "Por favor, escolha um dos horários abaixo para a segunda entrevista:\n{slots}"],
        "ats": ["Sua entrevista foi agendada.\n\nVaga: {role}\nQuando: {when}\nOnde: {platform} ({link})",
                "Sua entrevista para {role} foi remarcada para {when}. Se o novo horário não for possível, escolha outro pelo link."],
        "cal_title": ["Entrevista: {role} – {co}", "Segunda entrevista com {mgr}", "{cand} / {mgr} (gestor da área)", "Entrevista – {co}"],
        "cal_note": ["Desculpe a mudança!", "Responda este e-mail se precisar de outro horário."],
    },
    "interview_technical": {
        "subj": ["Entrevista técnica – {role}", "Seu dia de entrevistas na {co}", "Próxima etapa: live coding", "Entrevista final – {role}",
                 "Convite para entrevista com banca", "Apresentação do seu desafio técnico"],
        "subj_casual": ["próxima fase!", "Entrevista técnica", "Detalhes da etapa final"],
        "short": ["Boa notícia: a próxima etapa é uma sessão de live coding. {when} funciona? Vamos usar o {platform}.",
                  "Seu desafio foi muito elogiado! Agora são 60 minutos apresentando a solução para dois devs – consegue {when}?",
                  "Você está na etapa final: quatro entrevistas no dia {date}, começando às {time}.", "A entrevista técnica ficou para {when}. Vai ser um pair programming na linguagem que você preferir.",
                  "A banca quer conhecer você na {day}. A pauta vai em seguida."],
        "long": ["Temos o prazer de convidá-lo(a) para a entrevista técnica da vaga de {role}, {when}. Você vai resolver um problema de programação com um dos nossos engenheiros em um editor compartilhado ({tool}).",
                 "A próxima etapa é o nosso dia presencial: entrevista de system design, uma sessão de live coding e uma conversa sobre seus projetos com {mgr}. Será no dia {date} a partir das {time}, no nosso escritório em {city}.",
                 "Gostaríamos de convidá-lo(a) para uma entrevista com uma banca de três pessoas do time, {when}. Prepare uma apresentação de dez minutos do seu desafio técnico; vamos discuti-lo juntos.",
                 "Parabéns por passar na primeira entrevista! A entrevista final será com {mgr} e nossa diretora, {when}."],
        "ats": ["Você foi convidado(a) para uma entrevista técnica para {role}.\nFormato: live coding ({dur} min)\nQuando: {when}\nLink: {link}"],
        "cal_title": ["Entrevista de live coding – {role}", "Entrevista de system design", "Dia presencial (4 conversas) – {co}",
                      "Revisão do desafio com {mgr}", "Entrevista final – {co}", "Entrevista técnica"],
        "cal_note": ["Deixe seu ambiente de desenvolvimento pronto.", "Compartilhamos o link do CoderPad no início."],
        "extra": ["Não precisa decorar algoritmos: queremos entender seu raciocínio.", "Pode usar a linguagem que quiser."],
    },
    "offer_explicit": {
        "subj": ["Sua proposta da {co}", "Proposta de emprego – {role}", "Carta-proposta: {role}", "Oferta de emprego em anexo"],
        "subj_casual": ["Boas notícias!", "A proposta 🎉", "Parabéns!"],
        "short": ["Que alegria te contar que vamos te fazer uma proposta! Os detalhes estão em anexo – conversamos amanhã?",
                  "Segue a proposta oficial. Leia com calma e me ligue se tiver dúvidas.", "O time foi unânime: queremos te oferecer a vaga de {role}!"],
        "long": ["Temos o prazer de oferecer a você a posição de {role} na {co}. Em anexo está a carta-proposta, com salário de {salary} e início previsto para {start}.",
                 "Após as entrevistas, fico feliz em lhe apresentar uma proposta de emprego para a vaga de {role}. A proposta é válida até {deadline}.",
                 "Parabéns! Queremos lhe oferecer a vaga. A proposta por escrito, com remuneração e benefícios, está disponível no seu portal do candidato."],
        "ats": ["Você recebeu uma proposta da {co}. Revise e assine aqui: {link}", "A {co} enviou uma carta-proposta para sua assinatura via DocuSign."],
        "extra": ["Por favor, devolva assinada até {deadline}.", "Gostaríamos de uma resposta até o fim da próxima semana."],
    },
    "offer_implicit": {
        "subj": ["Bem-vindo(a) à {co}!", "Seu contrato – {role}", "Próximos passos da sua admissão", "Remuneração e data de início"],
        "subj_casual": ["conforme conversamos", "documentação", "Queremos você no time!"],
        "short": ["Como falei por telefone, adoraríamos ter você no time! O contrato está em anexo; começar dia {start} é ótimo pra gente.",
                  "Resumo da nossa call: fixo de {salary} mais bônus, início em {start}. Me dá o ok que eu já encaminho a papelada.",
                  "Todo mundo ficou muito feliz. Consegue assinar o contrato até {deadline}? Aí já pedimos seu notebook.",
                  "Foi ótimo falar com você agora há pouco! Segue o resumo da remuneração. Fechamos {start} como seu primeiro dia?"],
        "long": ["Conforme nossa conversa, temos o prazer de confirmar que queremos você na {co} como {role}. Seu contrato de trabalho segue em anexo para assinatura; a data de início proposta é {start}.",
                 "Segue o pacote de remuneração que conversamos: salário de {salary}, vale-refeição, plano de saúde e PLR. Pedimos que devolva o contrato assinado até {deadline}.",
                 "Todo o time está ansioso para receber você. O RH vai enviar hoje o contrato e os documentos de admissão; sugerimos {start} como primeiro dia.",
                 "Após o nosso acordo verbal por telefone, seguem por escrito as condições: salário de {salary}, modelo híbrido em {city} e início em {start}."],
        "extra": ["No primeiro dia, traga sua carteira de trabalho e um documento de identidade.", "Sua gestora será {mgr}."],
    },
    "rejection_plain": {
        "subj": ["Sua candidatura para {role}", "Retorno sobre sua candidatura", "{co} – status do processo seletivo", "Processo seletivo {role}"],
        "short": ["Obrigada pela paciência, {cand}. Infelizmente o time decidiu não seguir com a sua candidatura.",
                  "Passando pra avisar que não vamos avançar com seu perfil para {role}. Muito obrigado pelo interesse!",
                  "Sinto muito, mas optamos por perfis mais alinhados ao que buscamos agora."],
        "long": ["Após análise cuidadosa, informamos que sua candidatura não seguirá para as próximas etapas do processo seletivo para {role}.",
                 "Avaliamos seu perfil e decidimos seguir com outros candidatos mais aderentes aos requisitos da vaga.",
                 "Infelizmente, desta vez sua candidatura não foi selecionada. Manteremos seu currículo em nosso banco de talentos.",
                 "Lamentamos informar que optamos por outros perfis para esta posição."],
        "extra": ["Desejamos muito sucesso na sua jornada.", "Devido ao volume de candidaturas, não conseguimos dar feedback individual."],
    },
    "rejection_after_interview": {
        "subj": ["Após sua entrevista", "Retorno da entrevista", "{role} – nossa decisão", "Obrigado por participar das entrevistas"],
        "subj_casual": ["novidades", "sobre nossa conversa", "notícias da vaga"],
        "short": ["Obrigado de novo por todo o tempo que você dedicou às entrevistas. Fizemos uma proposta a outra pessoa, então não vamos seguir com você desta vez.",
                  "Sinto muito, no fim ficamos com alguém com experiência um pouco mais próxima do que precisamos agora.",
                  "Foi bem disputado: ficaram você e outra candidata, e oferecemos a vaga a ela."],
        "long": ["Obrigado por participar das entrevistas para a vaga de {role}. Foi uma decisão difícil, mas oferecemos a posição a outro candidato, que já aceitou.",
                 "Foi um prazer conhecer você ao longo do processo. Depois de muita reflexão, decidimos seguir com outra candidatura para esta posição.",
                 "Após a entrevista final, a banca decidiu não dar continuidade à sua candidatura. Ficamos impressionados com sua preparação e gostaríamos de manter contato."],
        "extra": ["Se quiser um feedback das entrevistas, posso te ligar.", "Adoraríamos contar com você em processos futuros."],
    },
    "offer_withdrawn": {
        "subj": ["Informação importante sobre sua proposta", "Sobre a vaga de {role}", "Mudança nos nossos planos de contratação", "Sua proposta – atualização"],
        "short": ["Sinto muito, mas por um congelamento de orçamento precisamos retirar a proposta da semana passada.",
                  "Notícia ruim: a vaga foi cancelada depois da reestruturação, então seu início em {start} não vai acontecer.",
                  "Odeio escrever isso – a diretoria suspendeu todas as contratações e a proposta foi cancelada."],
        "long": ["Devido a uma reestruturação inesperada, lamentamos informar que precisamos retirar a proposta de emprego para a vaga de {role}.",
                 "Informamos que a vaga de {role} foi cancelada em razão de um congelamento de contratações em toda a empresa. Por isso, não poderemos seguir com sua admissão.",
                 "Infelizmente, a checagem de antecedentes não pôde ser concluída de forma satisfatória e precisamos revogar nossa proposta condicional."],
    },
    "job_alerts": {
        "subj": ["{n} novas vagas de \"{role_plain}\" em {city}", "Vagas que podem te interessar", "Nova: {role2} na {co2} e mais", "Seu alerta de vagas diário"],
        "long": ["Estas são as novas vagas para a sua busca \"{role_plain}\".", "Com base no seu perfil, estas vagas podem te interessar:",
                 "Empresas perto de {city} estão contratando {role_plain}. Seja um dos primeiros a se candidatar!"],
        "ats": ["Você faz parte do banco de talentos da {co2}. Novas vagas desta semana:\n{role2} – {city}\n{role3} – remoto",
                "Uma vaga da sua busca salva acabou de ser publicada: {role2} na {co2}. Candidate-se com um clique."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Candidatura simplificada", "{role2} ({co2}), publicada há 2 dias"],
        "extra": ["Candidatar-se cedo aumenta suas chances.", "Faixa salarial disponível para 3 destas vagas."],
    },
    "prep_marketing": {
        "subj": ["Arrase na sua próxima entrevista", "Webinar gratuito: entrevista por competências", "Sua simulação de entrevista está agendada",
                 "Última chance: 40% off na mentoria", "5 perguntas que todo recrutador faz"],
        "subj_casual": ["Sua entrevista de treino", "A prática leva à perfeição"],
        "short": ["Sua simulação de entrevista com {coach} está confirmada para {when}. É uma sessão de treino: nenhuma empresa participa.",
                  "Obrigado por agendar uma entrevista técnica de treino! Seu par vai te encontrar {when}.",
                  "Pronto para as entrevistas? Participe do nosso workshop gratuito ao vivo em {date} e treine suas respostas com um mentor."],
        "long": ["Fica nervoso em entrevistas? Nossos mentores já ajudaram mais de 10 mil pessoas a conquistar uma vaga. Agende hoje uma simulação com feedback personalizado.",
                 "Inscreva-se no nosso webinar gratuito de {date}: como responder \"fale sobre você\", negociar salário e mandar o e-mail de follow-up.",
                 "Nesta semana na newsletter: o método STAR, como se preparar para um live coding e o que perguntar no final."],
        "cal_title": ["Simulação de entrevista com {coach}", "Webinar: mandando bem na entrevista comportamental", "Entrevista de treino (system design)", "Mentoria de entrevistas"],
        "items": ["▶ As 7 perguntas mais comuns", "▶ Como fazer follow-up depois da entrevista", "▶ Negociando sua primeira proposta"],
        "extra": ["Use o cupom PRONTO40.", "Vagas limitadas."],
    },
    "cold_outreach": {
        "subj": ["Oportunidade como {other_role}", "Posição interessante em um cliente", "Aberto(a) a novas oportunidades?", "Seu perfil me chamou a atenção"],
        "short": ["Vi seu perfil e acho que você seria ótimo(a) para uma vaga de {other_role} em um dos meus clientes. Topa um papo rápido?",
                  "Voltando aqui caso minha mensagem tenha se perdido: a vaga de {other_role} continua aberta.",
                  "Estou buscando {other_role} 100% remoto, até {salary}. Tem interesse?"],
        "long": ["Sou consultora de recrutamento especializada em tecnologia. Um dos nossos clientes, uma scale-up em {city}, procura {other_role}, e sua trajetória tem tudo a ver. Estaria aberto(a) a uma conversa confidencial?",
                 "Ajudamos empresas a montar seus times e hoje represento vários empregadores em busca de perfis de {other_role}. Se estiver aberto(a) a novas oportunidades, me diga um bom horário para conversarmos."],
    },
    "personal": {
        "subj": ["Sábado?", "Seu pedido está a caminho", "Lembrete de consulta", "Sua fatura está disponível", "Clube do livro"],
        "short": ["Sim! Sábado dá. Nos encontramos às 10 na estação?", "Kkkk que fotos. Me manda aquela do lago?",
                  "Quinta não consigo, desculpa – semana que vem?", "Reservei para as 20h. Até lá!"],
        "long": ["Seu pedido {ref} foi enviado e deve chegar em {date}.", "Lembrete: sua consulta está marcada para {when}. Chegue 10 minutos antes.",
                 "Sua fatura deste mês já está disponível no app.", "Obrigado pela compra! Seus ingressos estão em anexo."],
        "cal_title": ["Consulta no dentista", "Cabeleireiro", "Veterinário – Thor", "Reunião de pais", "Clube do livro"],
    },
}
