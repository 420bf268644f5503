"""English phrase banks (US/UK mixed usage) for tools/corpus/engine.py.
Written for CareerOps; no sentence is taken from any inbox or data set."""
CODE = "en"

COMPANIES = [("Harbor Lane Software", "Harbor Lane Software"), ("Bramblewood Health, Inc.", "Bramblewood Health"),
             ("Copperleaf Analytics", "Copperleaf Analytics"), ("Fieldstone Insurance", "Fieldstone Insurance"),
             ("Lanternfish Games Ltd", "Lanternfish Games"), ("Orchard Robotics", "Orchard Robotics"),
             ("Pebblebrook Bank", "Pebblebrook Bank"), ("Skyvault", "Skyvault"), ("Tamarind Foods LLC", "Tamarind Foods"),
             ("Westmarch Logistics", "Westmarch Logistics"), ("Brightwater Energy", "Brightwater Energy"),
             ("Kiln & Ember", "Kiln & Ember"), ("Moss Point Clinics", "Moss Point Clinics"), ("Quiver Labs", "Quiver Labs"),
             ("Halcyon Learning", "Halcyon Learning"), ("Ravenstone Capital", "Ravenstone Capital"), ("Sundial Media", "Sundial Media"),
             ("Nettle Security Corp.", "Nettle Security"), ("Oakmere Retail", "Oakmere Retail"), ("Tinderbox AI", "Tinderbox AI")]
ROLES = [(r, r) for r in ["Data Analyst", "Backend Engineer", "Senior Software Engineer", "Product Designer", "Product Manager",
                          "DevOps Engineer", "Marketing Manager", "Financial Analyst", "Data Engineer", "Customer Success Manager",
                          "Machine Learning Engineer", "QA Engineer", "Frontend Developer", "Operations Coordinator", "HR Business Partner",
                          "Account Executive", "iOS Developer", "Business Analyst"]]
CANDIDATES = [("Alex", "Morgan"), ("Jamie", "Fletcher"), ("Priya", "Raman"), ("Daniel", "Okoye"), ("Hannah", "Walsh"), ("Chris", "Delaney")]
FIRST = ["Megan", "Tom", "Rachel", "Kevin", "Aisha", "Oliver", "Laura", "Marcus", "Nina", "Ethan", "Sophie", "Raj", "Claire", "Ben"]
LAST = ["Hughes", "Carter", "Nguyen", "Brooks", "Patel", "Sullivan", "Reid", "Foster", "Kim", "Bennett", "Doyle", "Ahmed"]
TLDS = [".com", ".com", ".io", ".co", ".co.uk"]
TZ = ["-0400", "-0500", "-0700", "+0000", "+0100"]
CITIES = ["London", "Manchester", "Austin, TX", "Chicago", "Remote", "Toronto", "Denver", "Dublin", "Boston"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MON_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _t12(dt):
    h = (dt.hour - 1) % 12 + 1
    return f"{h}{'' if dt.minute == 0 else f':{dt.minute:02d}'}{'am' if dt.hour < 12 else 'pm'}"


def fmt_time(dt, R):
    return R.choice([_t12(dt), f"{dt.hour:02d}:{dt.minute:02d}", _t12(dt).upper().replace("AM", " AM").replace("PM", " PM")])


def fmt_date(d, R):
    return R.choice([f"{MONTHS[d.month - 1]} {d.day}", f"{d.day} {MONTHS[d.month - 1]}", f"{WD_SHORT[d.weekday()]} {MON_SHORT[d.month - 1]} {d.day}",
                     f"{d.month}/{d.day}", f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}"])


def fmt_when(dt, R):
    t = fmt_time(dt, R)
    return R.choice([f"{WEEKDAYS[dt.weekday()]}, {MONTHS[dt.month - 1]} {dt.day} at {t}", f"{WD_SHORT[dt.weekday()]} {dt.month}/{dt.day}, {t}",
                     f"{WEEKDAYS[dt.weekday()]} the {dt.day}th at {t}", f"{WEEKDAYS[dt.weekday()]} ({dt.day} {MONTHS[dt.month - 1]}) at {t}", f"{dt.day} {MON_SHORT[dt.month - 1]}, {t}"])


def salary(R):
    return R.choice([f"${R.randint(85, 190)},000", f"£{R.randint(45, 110)},000", f"${R.randint(60, 95)}/hour"])


QUOTE_GMAIL = "On {wd}, {mon} {d}, {y} at {h12}:{mm} {ampm} {name} <{email}> wrote:"
ORIG = ["-----Original Message-----", "From:", "Sent:", "To:", "Subject:"]
RE = ["Re:", "Re:", "RE:"]

PREV_SUBJ = {
    "apply": ["Application – {role}", "{role} application", "Re: {role} at {co}", "CV for the {role} role", "Interested in the {role} opening"],
    "after_call": ["Thanks for today", "Following up on our call", "{role} – next steps?", "Great chatting!"],
    "avail": ["Availability", "Interview times", "{role} interview – scheduling", "Scheduling your next conversation"],
    "followup": ["Checking in on my application", "Following up – {role}", "Any update?", "{role} – status"],
    "after_final": ["Thank you for the final round", "Final interview follow-up", "Thanks for having me in today"],
    "signed": ["Signed contract", "Paperwork returned", "Looking forward to starting!"],
    "outreach": ["{other_role} role – quick question", "Opportunity at a fast-growing startup", "Your profile"],
    "personal": ["Saturday?", "dinner next week", "photos from the trip", "Mum's birthday"],
}
PREV = {
    "apply": ["Hi,\n\nPlease find attached my CV for the {role} position. I'd love to bring my experience to {co}.",
              "Hello {rf},\n\nI just submitted my application for {role} through your careers page and wanted to introduce myself directly.",
              "Dear hiring team,\n\nI am writing to apply for the {role} role advertised on your website. My CV and cover letter are attached."],
    "after_call": ["Hi {rf},\n\nThanks so much for taking the time to talk today. I really enjoyed hearing about the team.",
                   "Thanks again for the call this morning – happy to share anything else you need."],
    "avail": ["Hi {rf},\n\nThanks! I'm free Tuesday afternoon or any time Thursday. Let me know what works.",
              "Sounds great. I could do {slots}", "Happy to chat. My calendar is fairly open next week except Monday morning."],
    "followup": ["Hi {rf},\n\nI hope you're well. I wanted to check in on the status of my application for {role}.",
                 "Hello, just following up on my application from a few weeks ago. Is there any update?"],
    "after_final": ["Hi {rf},\n\nThank you for organising the final round yesterday. It was great to meet everyone.",
                    "Thanks for having me in today – I left even more excited about the role."],
    "signed": ["Hi {rf},\n\nI've signed the contract and uploaded it to the portal. Looking forward to starting on {start}!",
               "Paperwork is done on my side. Let me know if you need anything else before my first day."],
    "outreach": ["Hi {cand},\n\nI'm working with a client hiring a {other_role} – would you be open to a quick chat?",
                 "Hi {cand}, I came across your profile and think you'd be a great fit for a {other_role} role I'm recruiting for."],
    "personal": ["Are you around on Saturday? Thinking of a walk if the weather holds.", "Here are the photos from the trip, finally!",
                 "Did you book the restaurant for next week?"],
}
GREET_CASUAL = ["Hi {cand},", "Hey {cand},", "Hi {cand}!", "{cand},", "Hello {cand},", "Morning {cand},"]
GREET_FORMAL = ["Dear {cand} {cand_last},", "Dear {cand},", "Dear {cand} {cand_last},", "Hello {cand} {cand_last},"]
OPEN_FORMAL = ["Thank you for your application for the {role} position at {co}.", "Thank you for your interest in {co} and in the {role} role.",
               "We hope this message finds you well.", "Thank you for the time you have invested in our recruitment process so far.",
               "I am writing to you regarding the {role} position ({ref})."]
CLOSE_FORMAL_LINE = ["Please do not hesitate to contact us if you have any questions.", "Should you have any questions, feel free to reply to this email.",
                     "Thank you again for your interest in {co}.", "We appreciate your patience throughout the process."]
SIGN_FORMAL = ["Kind regards,\n{rf} {rl}\nTalent Acquisition\n{co}", "Yours sincerely,\n{rf} {rl}\nHR Manager | {co}",
               "Best regards,\nThe {co} Recruiting Team", "Sincerely,\n{rf} {rl}\nPeople & Culture, {co}\n{city}"]
SIGN_SHORT = ["Thanks,\n{rf}", "Best,\n{rf}", "{rf}", "Cheers,\n{rf}", "- {rf}", "Thx, {rf}"]
SIGN_CASUAL = ["Cheers,\n{rf}", "Thanks!\n{rf} {rl}\nRecruiter @ {co}", "Talk soon,\n{rf}", "Best,\n{rf}\nTalent Partner | {co}"]
SIGN_MGR = ["Best,\n{mgr}\nEngineering Manager, {co}", "Thanks,\n{mf}\nHead of Data | {co}", "Cheers,\n{mgr}\nTeam Lead, {co}", "{mf}"]
SIGN_TEAM = ["The {co} Recruiting Team", "{co} Talent Acquisition", "Thanks,\nThe {co} Hiring Team", "People Team at {co}"]
SENT_FROM = ["Sent from my iPhone", "Sent from Outlook for Android", "Sent from my phone, excuse the brevity"]
MGR_INTRO = ["I'm {mgr}, the hiring manager for the {role} role – {rf} passed your details on to me.",
             "I lead the team you'd be joining as {role}.", "I run the team behind the {role} opening and wanted to reach out personally."]
LEGAL = ["{co} is an equal opportunity employer.", "This email and any attachments are confidential and intended solely for the addressee.",
         "Registered office: 1 Harbour Street, {city}. Registered in England and Wales."]
ATS_FOOTER = ["This is an automated message – please do not reply.", "Manage your candidate profile at careers.{dom}.",
              "You are receiving this email because you applied for a position at {co}.", "Powered by Greenhouse", "Privacy notice: careers.{dom}/privacy"]
ATS_SENDERS = ["{co} Careers <careers@{dom}>", "{co} via Workable <noreply@candidates.workablemail.com>", "{co} <no-reply@jobvite.com>"]
MAILBOXES = ["{co} Careers <careers@{dom}>", "{co} HR <hr@{dom}>", "Recruiting at {co} <recruiting@{dom}>", "jobs@{dom}"]
CAL = {"invite": "Invitation", "confirmed": "Confirmed", "updated": "Updated invitation", "title": "Event", "when": "When",
       "dur": "Duration", "where": "Where", "organizer": "Organizer", "guests": "Guests",
       "moved": "This event has been rescheduled from {old} to {new}.",
       "intro": ["A new event has been scheduled with {{who}}.", "{cand}, your booking is confirmed.", "You have been invited to the following event."],
       "changes": "Need to make changes to this event?", "resched": "Reschedule", "cancel": "Cancel", "powered": "Sent by {tool}"}
PERSONAL_PLACES = ["Smile Dental, 14 High Street", "Riverside Barbers", "Greenfield Vet Clinic", "City Library, Room 2"]
UNSUB = ["Unsubscribe | Manage preferences", "You're receiving this because you signed up. Unsubscribe here.",
         "Update your email settings or unsubscribe."]
BOARDS = ["Indeed <alert@indeed.com>", "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>", "Glassdoor Jobs <noreply@glassdoor.com>",
          "Totaljobs <alerts@totaljobs.com>", "Reed.co.uk <jobs@reed.co.uk>"]
PREP_SENDERS = ["InterviewAce <hello@interviewace.io>", "Pramp <team@pramp.com>", "Career Boost Academy <news@careerboost.academy>",
                "LeetPrep <no-reply@leetprep.dev>"]
SERVICES = ["Amazon <order-update@amazon.co.uk>", "Monzo <help@monzo.com>", "Royal Mail <no-reply@royalmail.com>",
            "Spotify <no-reply@spotify.com>", "Smile Dental <bookings@smiledental.co.uk>", "Eventbrite <noreply@eventbrite.com>"]
AGENCIES = ["Talentwave", "Hirebridge Partners", "Summit Search", "Northstar Recruitment"]

FAM = {
    "ack_note": {
        "subj": ["Your application – {role}", "We've received your application", "{co}: thanks for applying", "Application received ({ref})"],
        "short": ["Thanks {cand}, got your CV! I'll pass it to the hiring team and come back to you once they've had a look.",
                  "Received, thank you. We're still collecting applications for this one, so it may take a couple of weeks.",
                  "Thanks for sending this over – I've added you to the pipeline for {role}.",
                  "Got it, thanks! I'll be in touch if the team wants to take things further."],
        "long": ["We have received your application for the {role} position and will review it carefully over the coming weeks.",
                 "Our team is reviewing applications now. Due to the high volume we may not be able to respond to everyone individually; if your profile matches, we will contact you.",
                 "Your application is now with our recruitment team. If we don't get back to you within four weeks, please assume we will keep your details on file for future openings.",
                 "This confirms that your application for {role} has been submitted. We'll be in touch about next steps if there is a match."],
        "extra": ["Unfortunately we can't give individual feedback at this stage.", "You can track your status in the candidate portal.",
                  "The role stays open until it has been filled."],
    },
    "assessment": {
        "subj": ["Next step: take-home exercise", "Your {co} online assessment", "Coding challenge – {role}", "Action required: assessment for {role}"],
        "short": ["As a next step, here's the take-home: {link}. Please send it back within {n} days – shouldn't take more than 3–4 hours.",
                  "The team would like you to do a short {tool} test before anything else. You'll get the link in a separate email.",
                  "Next up is a written case study. Brief attached – no rush, just let me know when you've submitted it."],
        "long": ["As the next step in our process, we invite you to complete an online assessment on {tool}. It takes about 60 minutes and must be completed by {deadline}.",
                 "Please complete the attached take-home assignment and upload your solution to the portal within {n} days. We review every submission before deciding on next steps.",
                 "Before we move on, we ask all candidates to complete a short skills test and a personality questionnaire. Both can be done at a time that suits you."],
        "extra": ["If you need any adjustments for the assessment, let us know.", "There's no need to prepare anything specific."],
    },
    "interview_invite": {
        "subj": ["Interview invitation – {role}", "Invitation to interview at {co}", "{role}: first conversation", "Let's talk – {role} at {co}"],
        "subj_casual": ["Quick chat?", "{role} – next step", "Intro call?", "Loved your application"],
        "short": ["Would you have 30 minutes this week for a quick call? {slots}", "The team liked your profile – are you free {when} for a first chat?",
                  "Can we grab 20 min on {day}? Just an intro, nothing to prepare.", "Hiring manager wants to meet you! Does {when} work?",
                  "Free for a phone screen {when}? I'll call you on the number in your CV."],
        "long": ["We would like to invite you to an interview for the {role} position. The conversation will take place on {when} via {platform} and last about {dur} minutes.",
                 "Following a review of your application, we are pleased to invite you to a first interview with {mgr} and a member of the team on {when}.",
                 "We'd love to learn more about you. Please let us know if {when} would suit you for an initial interview, or suggest another time.",
                 "Your application stood out, and the hiring team would like to meet you. Please choose a slot for a {dur}-minute video call: {link}"],
        "ats": ["You have been invited to schedule an interview for {role}. Please select a time that works for you: {link}",
                "Good news! The hiring team would like to move forward with an interview. Use the link below to book your slot.\n{link}"],
        "cal_title": ["Phone screen – {role}", "Intro call: {cand} / {co}", "Interview with {mgr} – {role}", "{co} <> {cand} – first interview"],
        "cal_note": ["Looking forward to speaking with you!", "Please join a few minutes early."],
        "extra": ["Please bring a form of ID.", "Let me know if you need any accommodations.", "It'll be with {mgr}, who leads the team."],
    },
    "interview_schedule": {
        "subj": ["Interview time confirmed", "Rescheduling your interview", "Updated time: your {co} interview", "Can we move our call?"],
        "subj_casual": ["small change", "tomorrow's call", "New time?", "{day}"],
        "short": ["Confirming {when} for your chat with {mgr}. Invite's on its way.", "Something came up on our end – could we move Thursday to {when}?",
                  "{when} works perfectly, I've sent the invite.", "Sorry for the shuffle! {mgr} is out sick, can we push to {when}?",
                  "Quick one: {day} at {time} or the following morning – which is better for you?", "All set for {when}. Same link as before."],
        "long": ["We need to reschedule your interview originally planned for this week. Would {when} work for you instead?",
                 "This is to confirm your interview for the {role} role on {when}. The meeting link is {link}.",
                 "Thank you for your availability. Your conversation with {mgr} is now booked for {when} ({dur} minutes).",
                 "Please pick one of the following times for your next interview:\n{slots}"],
        "ats": ["Your interview has been scheduled.\n\nRole: {role}\nWhen: {when}\nWhere: {platform} ({link})",
                "Your interview for {role} has been moved to {when}. If the new time doesn't work, please use the link to pick another slot."],
        "cal_title": ["Interview: {role} – {co}", "Second interview with {mgr}", "{cand} <> {mgr} (hiring manager)", "Interview – {co}"],
        "cal_note": ["Sorry for moving this around!", "Reply to this email if you need a different time."],
    },
    "interview_technical": {
        "subj": ["Technical interview – {role}", "Your onsite loop at {co}", "Next round: live coding", "Final round interviews – {role}",
                 "Panel interview invitation", "Take-home walkthrough"],
        "subj_casual": ["next round!", "Tech screen", "Final round details"],
        "short": ["Great news – the team wants to do a live coding session next. Does {when} work? We'll use {platform}.",
                  "Loved your take-home! Next step is a 60 min walkthrough of it with two engineers – can you do {when}?",
                  "You're through to the final round: 4 back-to-back sessions on {date}, starting at {time}.",
                  "Tech screen is booked for {when}. Expect a pairing exercise in the language of your choice.",
                  "The panel would like to meet you on {day}. Agenda to follow."],
        "long": ["We are happy to invite you to the technical interview for the {role} role on {when}. You will solve a coding problem together with one of our engineers in a shared editor ({tool}).",
                 "The next stage is our onsite loop: a system design interview, a live coding session, and a conversation about your past projects with {mgr}. It will take place on {date} starting at {time}.",
                 "We would like to invite you to a panel interview with three members of the team on {when}. Please prepare a 10-minute presentation of your take-home solution; we will go through it with you and discuss your choices.",
                 "Congratulations on passing the first interview. The final round will be with {mgr} and our VP on {when} at our {city} office."],
        "ats": ["You've been invited to a technical interview for {role}.\nFormat: live coding ({dur} min)\nWhen: {when}\nLink: {link}"],
        "cal_title": ["Live coding interview – {role}", "System design interview", "Onsite loop (4 sessions) – {co}", "Take-home debrief with {mgr}",
                      "Final round – {co}", "Technical screen"],
        "cal_note": ["Have your IDE ready and a stable connection.", "We'll share a CoderPad link at the start."],
        "extra": ["No need to memorise algorithms – we care about how you think.", "Feel free to use any language you like."],
    },
    "offer_explicit": {
        "subj": ["Your offer from {co}", "Offer of employment – {role}", "Job offer: {role}", "Offer letter attached"],
        "subj_casual": ["Great news!", "The offer 🎉", "Congrats!"],
        "short": ["So happy to say we're making you an offer! Details attached – let's talk through them tomorrow.",
                  "Official offer is attached. Take your time to review, and call me with any questions.",
                  "The team was unanimous – we'd like to offer you the {role} role!"],
        "long": ["We are delighted to offer you the position of {role} at {co}. Please find your offer letter attached, including a base salary of {salary} and a start date of {start}.",
                 "Following your interviews, I am pleased to extend an offer of employment for the {role} role. The offer is valid until {deadline}.",
                 "Congratulations! We would like to offer you the role. Your written offer with compensation and benefits details is available in your candidate portal."],
        "ats": ["You have received an offer from {co}. Review and sign your offer letter here: {link}", "{co} has sent you an offer letter to sign via DocuSign."],
        "extra": ["Please sign and return it by {deadline}.", "We'd love to have an answer by the end of next week."],
    },
    "offer_implicit": {
        "subj": ["Welcome to {co}!", "Your contract – {role}", "Next steps: joining {co}", "Compensation package and start date"],
        "subj_casual": ["following up on our call", "paperwork", "We'd love to have you!"],
        "short": ["As discussed on the phone – we'd love to have you join the team! Contract is attached; start date {start} works for us.",
                  "Following up on our call: base of {salary} plus equity, start {start}. Let me know and I'll get the paperwork going.",
                  "Everyone's thrilled. Can you sign the contract by {deadline}? Then we can order your laptop.",
                  "Great talking earlier! Here's the compensation summary we went through. Shall we say {start} as your first day?"],
        "long": ["Further to our conversation, I am pleased to confirm that we would like you to join {co} as {role}. Your employment contract is attached for signature; the proposed start date is {start}.",
                 "Attached you will find the compensation package we discussed: a base salary of {salary}, an annual bonus and 25 days of holiday. Please sign and return the contract by {deadline}.",
                 "The team would be thrilled to welcome you on board. HR will send your contract and onboarding documents today; we suggest {start} as your first day.",
                 "Following the verbal agreement on the phone, here is the written summary of your terms: salary {salary}, hybrid work from {city}, start date {start}."],
        "extra": ["Please bring your ID and bank details on your first day.", "Your manager will be {mgr}."],
    },
    "rejection_plain": {
        "subj": ["Your application – {role}", "Update on your application", "{co} – application status", "Regarding your application"],
        "short": ["Thanks for your patience, {cand}. Unfortunately the team has decided not to move forward with your application.",
                  "Quick update – we won't be progressing your application for {role}. Really appreciate your interest.",
                  "Sorry to say we've decided to go with candidates who are a closer match for this one."],
        "long": ["After careful consideration, we regret to inform you that we will not be moving forward with your application for the {role} position.",
                 "We have reviewed your application and decided to pursue other candidates whose experience more closely matches our needs.",
                 "Unfortunately, your application has not been successful on this occasion. We will keep your details on file for future roles."],
        "extra": ["We wish you every success in your search.", "Due to the number of applications, we are unable to provide individual feedback."],
    },
    "rejection_after_interview": {
        "subj": ["Following your interview", "Update after your interview", "{role} – our decision", "Thank you for interviewing with us"],
        "subj_casual": ["update", "Re: our chat", "news on the {role} role"],
        "short": ["Thanks again for all the time you put into the interviews. We've extended an offer to another candidate, so we won't be moving ahead with you this time.",
                  "I'm sorry to share that we went with someone whose background was a bit closer to what we need right now.",
                  "Tough one – it came down to you and one other person, and we've offered the role to them."],
        "long": ["Thank you for interviewing for the {role} position. It was a close decision, but we have offered the role to another candidate who has accepted.",
                 "We enjoyed getting to know you during the interview process. After much deliberation, we have decided to proceed with another candidate for this position.",
                 "Following the final round, the panel has decided not to move forward with your candidacy. We were impressed by your preparation and hope to stay in touch."],
        "extra": ["If you'd like feedback on your interviews, I'm happy to set up a short call.", "We'd genuinely like to stay in touch for future roles."],
    },
    "offer_withdrawn": {
        "subj": ["Important update about your offer", "Regarding the {role} position", "Change to our hiring plans", "Your offer – update"],
        "short": ["I'm really sorry, but due to a budget freeze we have to withdraw the offer we made last week.",
                  "Bad news, I'm afraid: the role has been cancelled after the reorg, so we can't go ahead with your start on {start}.",
                  "I hate writing this – leadership has paused all hiring and the offer is rescinded."],
        "long": ["Due to an unexpected restructuring, we regret that we must rescind the offer of employment for the {role} position.",
                 "We are writing to inform you that the {role} position has been cancelled following a company-wide hiring freeze. As a result, we are unable to proceed with your employment.",
                 "Unfortunately, the background check could not be completed satisfactorily, and we have to withdraw our conditional offer."],
    },
    "job_alerts": {
        "subj": ["{n} new jobs for \"{role_plain}\" in {city}", "Jobs you may be interested in", "New: {role2} at {co2} and more", "Your daily job alert"],
        "long": ["Here are new jobs matching your search \"{role_plain}\".", "Based on your profile, these roles might interest you:",
                 "Companies are hiring for {role_plain} near {city}. Be an early applicant!"],
        "ats": ["You're part of the {co2} talent community. New openings were posted this week:\n{role2} – {city}\n{role3} – Remote",
                "A job matching your saved search was just posted: {role2} at {co2}. Apply now with one click."],
        "items": ["{role2} – {co2} – {city}", "{role3}\n{co2} · {city} · Easy Apply", "{role2} ({co2}), posted 2 days ago"],
        "extra": ["Applying early improves your chances.", "Salary insights available for 3 of these jobs."],
    },
    "prep_marketing": {
        "subj": ["Ace your next interview", "Free webinar: nailing the behavioural interview", "Your mock interview is booked",
                 "Last chance: 40% off interview coaching", "5 questions every interviewer asks"],
        "subj_casual": ["Your mock interview session", "Practice makes perfect"],
        "short": ["Your practice interview with coach {coach} is confirmed for {when}. It's a mock session – no employer is involved.",
                  "Thanks for booking a mock technical interview! Your peer partner will meet you on {when}.",
                  "Ready for interview season? Join our free live workshop on {date} and practise answers with a coach."],
        "long": ["Struggling with interviews? Our coaches have helped 10,000 candidates land offers. Book a mock interview today and get personalised feedback.",
                 "Join our free webinar on {date}: how to answer \"tell me about yourself\", salary negotiation and follow-up emails.",
                 "This week in the newsletter: the STAR method, how to prepare for a live coding interview, and what to ask at the end."],
        "cal_title": ["Mock interview with {coach}", "Webinar: Acing the behavioural interview", "Peer practice interview (system design)",
                      "Interview coaching session"],
        "items": ["▶ The 7 most common interview questions", "▶ How to follow up after an interview", "▶ Negotiating your first offer"],
        "extra": ["Use code READY40 at checkout.", "Seats are limited."],
    },
    "cold_outreach": {
        "subj": ["{other_role} opportunity", "Exciting role with a client of mine", "Open to new opportunities?", "Your profile caught my eye"],
        "short": ["I came across your profile and think you'd be a great fit for a {other_role} role with one of my clients. Open to a quick chat?",
                  "Just bumping this in case it got buried – still keen to tell you about the {other_role} role.",
                  "I'm hiring for a fully remote {other_role} position, salary up to {salary}. Interested?"],
        "long": ["I am a recruitment consultant specialising in technology roles. One of our clients, a scale-up in {city}, is looking for a {other_role}, and your background looks like a strong match. Would you be open to a confidential conversation?",
                 "We help companies build their teams and I'm currently representing several employers looking for {other_role} profiles. If you're open to new opportunities, reply with a good time to talk."],
    },
    "personal": {
        "subj": ["Saturday plans", "Your order has shipped", "Appointment reminder", "Your monthly statement is ready", "Book club"],
        "short": ["Yes! Saturday works. Shall we meet at the station at 10?", "Haha, love these photos. Send me the one by the lake?",
                  "Can't make it Thursday, sorry – how about next week?", "Booked it for 7:30. See you there!"],
        "long": ["Your order #{ref} has been dispatched and will arrive on {date}.", "Reminder: your appointment is on {when}. Please arrive 10 minutes early.",
                 "Your statement for this month is now available in the app.", "Thanks for your purchase! Your tickets are attached."],
        "cal_title": ["Dentist check-up", "Haircut", "Vet appointment – Biscuit", "Parent–teacher meeting", "Book club"],
    },
}
