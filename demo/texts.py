"""Texts for the demo site loaded by ``manage.py load_demo_content``."""

SITE = {
    "name": "Recovery Dialogues",
    "tagline": (
        "Conversations about mental health recovery, from both sides of the room."
    ),
    "welcome": "New here? Start with Questions and Answers about Recovery.",
    "footer": (
        "Recovery Dialogues is a place for writing about mental health recovery, "
        "shaped by what people with lived experience have taught the professionals who "
        "work with them. Nothing here is medical advice."
    ),
    "crisis_notice": (
        "If you are in crisis, call or text 988 in the US. Outside the US, please "
        "contact your local emergency services or a crisis line in your country. This "
        "site is not a crisis service, and comments are not read around the clock."
    ),
}

PAGES = [
    {
        "title": "Questions and Answers about Recovery",
        "slug": "questions-and-answers",
        "body": (
            "<p>These are questions people often ask when they first come across the "
            "idea of recovery. The answers are my own, drawn from years of work with "
            "clients and from what people with lived experience have taught me. They "
            "are not medical advice.</p>\n"
            "<h2>What does “recovery” mean here?</h2>\n"
            "<p>It means living a life that feels meaningful and your own, whether or "
            "not every difficult experience has gone away. It is defined by the person "
            "living it, not by a checklist of symptoms. For one person it may mean "
            "returning to work or study; for another, it may mean feeling less afraid "
            "of their own mind.</p>\n"
            "<h2>Is recovery possible after a serious diagnosis?</h2>\n"
            "<p>Yes. People recover from experiences that have been given every kind "
            "of label, including some that are often described as lifelong. Long-term "
            "follow-up research, and more vividly the accounts of people themselves, "
            "show that lives unfold in far more varied and hopeful ways than many were "
            "told at the time of diagnosis. A diagnosis describes a hard period; it "
            "does not write the rest of the story.</p>\n"
            "<h2>Do I have to accept a diagnosis to recover?</h2>\n"
            "<p>No. Some people find a diagnosis helpful because it names something "
            "and opens doors to support. Others find it limiting, or simply wrong. "
            "What matters more is that you have some way of making sense of what has "
            "happened to you that helps you move forward. That understanding is "
            "allowed to change over time.</p>\n"
            "<h2>What actually helps?</h2>\n"
            "<p>The answer differs from person to person, but certain things come up "
            "again and again: at least one relationship in which you feel believed, a "
            "sense of hope, something meaningful to do, and a real say in your "
            "treatment and your life. Practical matters count for a great deal too. "
            "Safe housing, enough money and decent sleep are not luxuries; they are "
            "part of recovery.</p>\n"
            "<h2>What if I have tried everything and nothing has worked?</h2>\n"
            "<p>That feeling is common and understandable. It can help to look closely "
            "at what “everything” has included. Many people have tried several "
            "medications or therapies without ever being offered peer support, a "
            "hearing voices group, family meetings, or the chance to talk about what "
            "happened to them in their own words. Sometimes what is missing is not "
            "another treatment but a different kind of relationship.</p>\n"
            "<h2>Where do professionals fit in?</h2>\n"
            "<p>At their best, professionals are companions with useful knowledge, not "
            "the authors of someone else's recovery. They can offer treatment, "
            "information and a steady presence. They do their best work when they "
            "listen closely, admit what they do not know, and notice when their "
            "efforts are making things worse rather than better.</p>\n"
            "<h2>How can I support someone I care about?</h2>\n"
            "<p>Stay in touch, stay curious, and resist the urge to take over. Ask "
            "what they want from you, and believe the answer. Look after yourself as "
            "well, because support that leaves you exhausted helps no one for long. "
            "The articles on this site tagged “family” and “peer support” go into more "
            "detail.</p>\n"
            "<h2>Is this site a substitute for treatment?</h2>\n"
            "<p>No. The writing here is meant to inform and encourage, not to diagnose "
            "or treat. If you are in crisis, call or text 988 in the US, or contact "
            "your local emergency services if you are elsewhere.</p>\n"
        ),
        "menu_order": 1,
        "show_in_menu": True,
        "parent": None,
    },
    {
        "title": "About",
        "slug": "about",
        "body": (
            "<p>Recovery Dialogues is a place for writing about mental health "
            "recovery: what it is, what gets in its way, and what helps. It is written "
            "by a therapist and writer who has spent many years working with people in "
            "distress, and who has learned at least as much from them as from any "
            "training.</p>\n"
            "<p>The site starts from a simple belief: people who have lived through "
            "mental health difficulties hold knowledge that professionals need. Much "
            "of what appears here draws on the work of peer communities, hearing "
            "voices groups, harm reduction workers and families, alongside clinical "
            "experience.</p>\n"
            "<h2>Who it is for</h2>\n"
            "<p>People who are struggling or recovering, their families and friends, "
            "and professionals who want to work in ways that are more respectful and "
            "less likely to cause harm. You are welcome here whatever your view of "
            "diagnosis, medication or psychiatry.</p>\n"
            "<h2>What it is not</h2>\n"
            "<p>Nothing on this site is medical advice, and it cannot replace a "
            "conversation with someone who knows your situation. This site is not a "
            "crisis service. If you need help urgently, call or text 988 in the US, or "
            "contact your local emergency services elsewhere.</p>\n"
            "<h2>Taking part</h2>\n"
            "<p>If you would like to respond to something you have read, each article "
            "has a comment section. Please read the comment guidelines first. How "
            "comment information is handled is explained on the privacy page.</p>\n"
        ),
        "menu_order": 2,
        "show_in_menu": True,
        "parent": None,
    },
    {
        "title": "Comment guidelines",
        "slug": "comment-guidelines",
        "body": (
            "<p>Comments are welcome, and some of the best thinking on this site has "
            "come from readers. To keep this a place where people can speak honestly, "
            "a few guidelines apply.</p>\n"
            "<h2>Comments are public</h2>\n"
            "<p>Everything you post, along with the name you give, can be read by "
            "anyone. Please think about how much personal detail you want to share, "
            "about yourself or about other people. A first name or a pseudonym is "
            "fine.</p>\n"
            "<h2>A person reads every comment</h2>\n"
            "<p>Comments are moderated by hand before they appear, so there may be a "
            "delay of a day or more. Comments that break these guidelines, advertise "
            "something, or could identify another person without their consent will "
            "not be published. Moderation is done by one person, not by software and "
            "not around the clock.</p>\n"
            "<h2>Be kind</h2>\n"
            "<p>Disagreement is welcome; contempt is not. People arrive here from very "
            "different places. Some have been harmed by mental health services, some "
            "work in them, and some are both. Speak from your own experience, and "
            "assume that others are doing the same.</p>\n"
            "<h2>No medical advice</h2>\n"
            "<p>Please do not tell others to start, stop or change a medication or "
            "treatment, and do not offer diagnoses. Sharing what has helped you is "
            "fine, as long as it is clear that it is your own experience and not a "
            "recommendation.</p>\n"
            "<h2>If you are in crisis</h2>\n"
            "<p>The comment section is not a safe place to ask for urgent help, "
            "because your comment may not be read for some time. This site is not a "
            "crisis service. If you are in crisis, please follow the crisis notice "
            "shown on this site: in the US, call or text 988; elsewhere, contact your "
            "local emergency services.</p>\n"
        ),
        "menu_order": 3,
        "show_in_menu": True,
        "parent": None,
    },
    {
        "title": "Privacy",
        "slug": "privacy",
        "body": (
            "<p>This page says, in plain words, what this site stores about you, "
            "why, and for how long. The short version: reading stores nothing about "
            "you, commenting stores what you typed, and nothing is sold or shared.</p>\n"
            "<h2>Reading the site</h2>\n"
            "<p>There are no trackers here: no advertising, no social-media buttons, "
            "no fonts, videos or scripts loaded from other companies. Your browser "
            "talks only to this site while you read. Reading sets no cookies.</p>\n"
            "<p>A recorded webinar is shown as a still picture. Only when you press "
            "play does the video load from YouTube or Vimeo, in their privacy mode, "
            "and the page tells you so beside the button.</p>\n"
            "<p>Like every website, the web server writes a short log of requests "
            "(your IP address, the time, the page and your browser's name) so that "
            "problems and attacks can be found. These logs are deleted after 14 days "
            "and are not used to follow anyone.</p>\n"
            "<h2>Leaving a comment</h2>\n"
            "<p>When you comment, the site stores:</p>\n"
            "<ul>\n"
            "<li><strong>Your name</strong> as you typed it, shown with your "
            "comment.</li>\n"
            "<li><strong>Your email address</strong>, never shown to anyone. It is "
            "used to tell you when your comment is published, to send you replies if "
            "you ask for them (every such email has a link to stop them), and for a "
            "moderator to reach you about your comment.</li>\n"
            "<li><strong>Your comment</strong>, the time you sent it and your "
            "website if you gave one. A person reads every comment before or soon "
            "after it appears.</li>\n"
            "<li><strong>Your IP address</strong>, to stop spam and abuse. It is "
            "erased after IP_RETENTION_DAYS days.</li>\n"
            "</ul>\n"
            "<p>Comments stay on the page until you or a moderator remove them. Every "
            "email about your comment has a link that removes it. Spam is filtered "
            "on this server; if an outside spam service is ever used, the comment "
            "form says so.</p>\n"
            "<h2>Registering for an event</h2>\n"
            "<p>Some webinars and groups ask you to register, so that only the "
            "people taking part get the link to join. The site stores the name you "
            "choose (it need not be your real one), your email address, your time "
            "zone, your answers to the event's questions and whether you asked for "
            "the recording email. Only the organisers see them; the event page "
            "never shows who registered. The link in your email lets you cancel at "
            "any time. Your registration is erased REGISTRATION_RETENTION_DAYS days "
            "after the event.</p>\n"
            "<h2>Cookies</h2>\n"
            "<p>The site sets a cookie only when you ask it to. If you tick "
            "“Remember my name and email on this browser” under the comment form, a "
            "cookie keeps them for your next comment; remove it in your browser at "
            "any time. People who sign in to edit the site get a sign-in cookie that "
            "ends when they sign out. No other cookies are used.</p>\n"
            "<h2>Your choices</h2>\n"
            "<p>To see everything stored about your email address, or to have it and "
            "your comments erased, write to the site owner. You do not need to give "
            "a reason, and it will be done.</p>\n"
        ),
        "menu_order": 4,
        "show_in_menu": False,
        "parent": "about",
    },
]

SEED_ARTICLE_TAGS = ["professional practice", "harm reduction", "peer support"]

ARTICLES = [
    {
        "title": "What we mean when we say recovery",
        "slug": "what-we-mean-by-recovery",
        "summary": (
            "Recovery rarely means going back to who you were before. It usually means "
            "building a life that feels like your own, on your own terms."
        ),
        "tags": ["recovery", "self-help"],
        "content_note": "",
        "days_ago": 394,
        "palette": ("#5b7f95", "#d8e6ec"),
        "body": (
            "<p>“Recovery” is one of those words that has been used so often in mental "
            "health services that it can start to sound empty. It appears in mission "
            "statements and on waiting-room posters. Yet when people who have lived "
            "through distress talk about it, they usually mean something more specific "
            "and more personal than the leaflets suggest.</p>\n"
            "<p>For many, recovery does not mean a return to who they were before. It "
            "means building a life that feels worth living, with or without ongoing "
            "experiences that others might call symptoms. Someone may still hear "
            "voices, still have stretches of low mood, still feel anxious in crowds, "
            "and also have work they care about, friends who know them, and a sense of "
            "direction. That combination is not a compromise. It is what recovery "
            "looks like for a great many people.</p>\n"
            "<h2>Recovery is not a straight line</h2>\n"
            "<p>Progress tends to come in loops. A good month can be followed by a "
            "hard week, and the hard week does not cancel the month. One of the most "
            "useful things a person can learn is that a setback is information rather "
            "than a verdict. What was going on just before things got harder? What "
            "helped last time, even a little?</p>\n"
            "<h2>What tends to help</h2>\n"
            "<p>When people describe their own recoveries, a few themes come up again "
            "and again:</p>\n"
            "<ul>\n"
            "<li><strong>Connection</strong> with at least one person who does not "
            "give up on them.</li>\n"
            "<li><strong>Hope</strong>, often borrowed at first from someone who has "
            "been through something similar.</li>\n"
            "<li><strong>Meaning</strong>, whether found in work, faith, creativity, "
            "caring for others or making sense of what happened.</li>\n"
            "<li><strong>Choice</strong>, including a real say in treatment and the "
            "freedom to try things and change course.</li>\n"
            "</ul>\n"
            "<p>None of these is a technique. They are conditions in which people are "
            "more likely to find their own way forward. Professionals can support "
            "them, but they cannot hand them over like a prescription.</p>\n"
            "<p>If you are early in all this, it is fine not to know yet what recovery "
            "will mean for you. The question is worth keeping open. Your answer may "
            "change along the way, and that is part of it.</p>\n"
        ),
    },
    {
        "title": "Inside a hearing voices group",
        "slug": "inside-a-hearing-voices-group",
        "summary": (
            "Hearing voices groups start from a simple idea: the person who hears "
            "voices is the expert on what they are like. Here is what happens in the "
            "room."
        ),
        "tags": ["hearing voices", "peer support"],
        "content_note": "",
        "days_ago": 301,
        "palette": ("#6d8a7a", "#e2ebe4"),
        "body": (
            "<p>The first time many people attend a hearing voices group, they are "
            "surprised by how ordinary it feels. A handful of people sit in a circle, "
            "someone makes tea, and the conversation begins. Nobody is asked for a "
            "diagnosis. Nobody is told that their experiences are meaningless.</p>\n"
            "<p>Hearing voices groups grew out of the <a "
            'href="https://www.intervoiceonline.org">Hearing Voices Movement</a>, '
            "which began in the late 1980s when people who heard voices, along with a "
            "few professionals willing to listen, started to question the idea that "
            "voices are simply a symptom to be eliminated. The groups are usually "
            "peer-led, and they start from a different assumption: that voices, "
            "visions and other unusual experiences are real experiences, and that the "
            "person having them knows best what they are like.</p>\n"
            "<h2>What happens in a group</h2>\n"
            "<p>Groups differ, but most share a few agreements. What is said stays in "
            "the room. People are free to understand their experiences in whatever way "
            "makes sense to them, whether spiritual, psychological, medical, or "
            "something without a name. Nobody is pushed to speak. Members talk about "
            "what their voices say, how they respond, what makes things worse and what "
            "gives them a little more room.</p>\n"
            "<p>Over time, some people find that their relationship with their voices "
            "changes. A voice that was constantly critical may become quieter once its "
            "words have been spoken aloud to people who are not shocked by them. "
            "Others learn to set limits, such as agreeing to listen only at a certain "
            "time of day. Some voices stay difficult. Even then, being able to talk "
            "about them openly tends to ease the shame that makes everything "
            "heavier.</p>\n"
            "<h2>For professionals and families</h2>\n"
            "<p>You do not need to run a group to learn from one. The central lesson "
            "is simple: ask about the experience with curiosity instead of trying to "
            "argue it away. What do the voices say? When did they start? What was "
            "happening in your life then? Questions like these can open conversations "
            "that years of symptom checklists never reach.</p>\n"
            "<p>If you would like to find a group, <a "
            'href="https://www.hearingvoicesusa.org">Hearing Voices Network USA</a> '
            "and similar networks in other countries list in-person and online "
            "meetings.</p>\n"
        ),
    },
    {
        "title": "Staying close when someone you love is in crisis",
        "slug": "staying-close-in-a-crisis",
        "summary": (
            "When someone we love is in crisis, the urge to take charge is strong. "
            "Slowing down and listening first often keeps them safer and keeps them "
            "talking."
        ),
        "tags": ["family", "harm reduction", "peer support"],
        "content_note": "Mentions suicide.",
        "days_ago": 41,
        "palette": ("#8a7a9b", "#ece6f1"),
        "body": (
            "<p>When someone you love is in crisis, the urge to act is powerful. You "
            "want to fix the problem, find the right service, say the sentence that "
            "will make the pain stop. That urge comes from care. It can also, without "
            "meaning to, push the person further away.</p>\n"
            "<p>People who have been through crises often describe the same painful "
            "pattern. They tried to say how bad things were, and the people around "
            "them panicked, started giving instructions, or made decisions over their "
            "heads. What they learned was that telling the truth made things worse. "
            "The next time, they said less.</p>\n"
            "<h2>Listening before acting</h2>\n"
            "<p>The alternative is not to do nothing. It is to slow down enough to "
            "understand what is actually going on before deciding what, if anything, "
            "needs to happen. A few things tend to help:</p>\n"
            "<ul>\n"
            "<li>Ask open questions, and let the silence run a little longer than "
            "feels comfortable.</li>\n"
            "<li>Reflect back what you hear without correcting it.</li>\n"
            "<li>Ask what they want from you right now. The answer may be company "
            "rather than solutions.</li>\n"
            "<li>Be honest about your own feelings, briefly, without handing them your "
            "fear to carry.</li>\n"
            "</ul>\n"
            "<h2>If suicide comes up</h2>\n"
            "<p>Many family members worry that asking directly about suicide will put "
            "the idea in someone's head. People with lived experience, and the "
            "organisations that train crisis supporters, say the opposite: a calm, "
            "direct question often comes as a relief. Asking “Are you thinking about "
            "killing yourself?” tells the person you can bear to hear the answer. If "
            "they say yes, you can ask what is making things so hard, what has kept "
            "them going so far, and who else they would want to involve.</p>\n"
            "<p>There are times when safety has to come first and outside help is "
            "needed. Even then, it usually goes better when you involve the person in "
            "the decision as far as possible and tell them plainly what you are doing "
            "and why. In the US you can call or text <a "
            'href="https://988lifeline.org">988</a> together, or on your own if you '
            "need support yourself. Elsewhere, local crisis lines and emergency "
            "services can help.</p>\n"
            "<p>Staying close through a crisis is exhausting. Make sure you have "
            "someone to talk to as well. You do not have to hold all of this "
            "alone.</p>\n"
        ),
    },
    {
        "title": "The trouble with “lack of insight”",
        "slug": "the-trouble-with-lack-of-insight",
        "summary": (
            "“Lacks insight” often means “disagrees with us.” Treating disagreement as "
            "a symptom ends the conversation just where it could become useful."
        ),
        "tags": ["professional practice", "recovery"],
        "content_note": "",
        "days_ago": 236,
        "palette": ("#7b8ea3", "#e4e9ef"),
        "body": (
            "<p>In clinical notes, few phrases carry as much weight as “lacks "
            "insight.” It usually means that a person does not agree that they have a "
            "mental illness, or does not accept the treatment being offered. Once "
            "written down, it can follow someone for years and colour how every later "
            "conversation is read.</p>\n"
            "<p>The difficulty is that disagreement and incapacity are not the same "
            "thing. A person may reject a diagnosis because they have a different, and "
            "perfectly coherent, way of making sense of what happened to them. They "
            "may refuse a medication because of side effects the prescriber "
            "underestimates. They may distrust services because of how they were "
            "treated last time. In each case, calling the disagreement a symptom ends "
            "the conversation at exactly the point where it could have become "
            "useful.</p>\n"
            "<h2>Whose insight?</h2>\n"
            "<p>Insight is also oddly one-sided. Professionals are rarely described as "
            "lacking insight into the person's point of view, even when they have "
            "never asked about it. Yet a clinician who does not understand why someone "
            "refuses treatment is missing something just as important as a client who "
            "does not accept a label.</p>\n"
            "<p>None of this means that everyone always sees their own situation "
            "clearly. Most of us have blind spots, especially in hard times. But the "
            "way to reach them is through a relationship in which the person feels "
            "understood, not through a verdict that their view does not count.</p>\n"
            "<h2>Some alternatives</h2>\n"
            "<ul>\n"
            "<li>Write down what the person actually believes and why, in their own "
            "words.</li>\n"
            "<li>Describe a disagreement as a disagreement: “We see this "
            "differently.”</li>\n"
            "<li>Look for shared goals, such as sleeping better, keeping a job or "
            "staying out of hospital, and start there.</li>\n"
            "<li>Stay open to the possibility that the person knows something you do "
            "not.</li>\n"
            "</ul>\n"
            "<p>People often do change their minds about what is happening to them, "
            "but almost never because they were told they lacked insight. They change "
            "because someone stayed curious long enough to work it out with them.</p>\n"
        ),
    },
    {
        "title": "Anxiety as a protective reaction",
        "slug": "anxiety-as-a-protective-reaction",
        "summary": (
            "Anxiety is usually treated as an enemy. Seeing it as an overprotective "
            "ally can make it easier to live alongside, and to understand where it "
            "came from."
        ),
        "tags": ["anxiety", "self-help"],
        "content_note": "",
        "days_ago": 187,
        "palette": ("#4f8a8b", "#dcecec"),
        "body": (
            "<p>Anxiety is usually described as a problem to be managed or removed, "
            "and it can certainly feel that way. The racing heart, the tight chest, "
            "the mind that will not stop scanning for danger: none of it is pleasant. "
            "But it can help to begin somewhere else, with the question of what the "
            "anxiety is trying to do.</p>\n"
            "<p>At its root, anxiety is a protective reaction. It prepares the body to "
            "respond to threat and pulls attention towards whatever might go wrong. In "
            "a genuinely dangerous situation, that is exactly what you would want. The "
            "trouble starts when the alarm goes off often, loudly, or in situations "
            "that are uncomfortable rather than dangerous.</p>\n"
            "<h2>Why fighting it can backfire</h2>\n"
            "<p>If anxiety is treated as an enemy, it is natural to try to suppress "
            "it, avoid whatever sets it off, or argue with it. These strategies often "
            "bring relief in the short term and trouble in the long term. Avoidance "
            "teaches the nervous system that the thing avoided really was dangerous. "
            "Struggling against the feeling can add a second layer of fear: fear of "
            "the anxiety itself.</p>\n"
            "<p>A gentler approach is to treat the anxiety more like an overprotective "
            "friend. You can acknowledge it (“I can see you are trying to keep me "
            "safe”) without handing it the steering wheel. This is not a trick to make "
            "the feeling vanish. It is a way of making room for it while you go on "
            "doing what matters to you.</p>\n"
            "<h2>Small experiments</h2>\n"
            "<ul>\n"
            "<li>Notice where in your body the anxiety shows up, and describe it as "
            "plainly as you can.</li>\n"
            "<li>Ask what it might be protecting you from. Sometimes the answer points "
            "to a real concern that deserves attention.</li>\n"
            "<li>Take one small step towards something you have been avoiding, and "
            "watch what happens with curiosity rather than judgement.</li>\n"
            "</ul>\n"
            "<p>Anxiety often has a history. For some people it makes sense in the "
            "light of earlier times when staying alert really was necessary. "
            "Understanding that history, ideally with someone you trust, can turn "
            "anxiety from a sign that something is wrong with you into evidence of how "
            "hard you have worked to stay safe.</p>\n"
        ),
    },
    {
        "title": "What peer support offers that expertise cannot",
        "slug": "what-peer-support-offers",
        "summary": (
            "Peer support is not a cheaper version of professional help. It offers "
            "mutuality, honesty and a kind of hope that is hard to argue with."
        ),
        "tags": ["peer support", "recovery", "professional practice"],
        "content_note": "",
        "days_ago": 139,
        "palette": ("#a0826d", "#f1e8e0"),
        "body": (
            "<p>There is a particular kind of relief in talking with someone who has "
            "been there. Not someone who has read about it or treated it, but someone "
            "who has lain awake with the same thoughts, sat in the same waiting rooms, "
            "and found a way to keep going. Peer support is built on that relief.</p>\n"
            "<p>Peer supporters are people with lived experience of mental health "
            "difficulties who use that experience deliberately to support others. Some "
            "work in paid roles within services; many more do it in mutual aid groups, "
            "online communities and friendships. What they offer is not a lesser "
            "version of professional help. It is a different thing altogether.</p>\n"
            "<h2>Mutuality instead of hierarchy</h2>\n"
            "<p>In most clinical relationships, one person is the helper and the other "
            "is helped. Peer support tries to keep the relationship mutual. Both "
            "people learn, and both can be honest about struggling. The aim is not to "
            "assess or correct but to explore together, and that changes what can be "
            "said. People often tell a peer things they have never told a clinician, "
            "because they are not worried about how it will be written down.</p>\n"
            "<h2>Hope you can see</h2>\n"
            "<p>It is one thing to be told that recovery is possible. It is another to "
            "sit across from someone who was once in hospital, or homeless, or certain "
            "that nothing would ever change, and who is now there with you. That kind "
            "of hope is hard to argue with.</p>\n"
            "<p>Peer support has its own difficulties. Peer workers inside services "
            "can feel pressure to act like junior clinicians, and the values that make "
            "peer support worthwhile can be worn down by paperwork and risk "
            "procedures. Organisations such as the <a "
            'href="https://wildfloweralliance.org">Wildflower Alliance</a> have spent '
            "years working out how to protect those values, and their approach is "
            "worth studying for anyone building a peer programme.</p>\n"
            "<p>If you are a professional, the most useful thing you can do is respect "
            "peer roles rather than absorb them. If you are looking for support "
            "yourself, it is worth finding at least one place where the people around "
            "you have walked a similar road.</p>\n"
        ),
    },
    {
        "title": "Meeting people where they are, in conversation",
        "slug": "meeting-people-where-they-are",
        "summary": (
            "Harm reduction began with needles and naloxone, but its core attitude of "
            "respect without preconditions can change any difficult conversation."
        ),
        "tags": ["harm reduction", "peer support", "family"],
        "content_note": "",
        "days_ago": 68,
        "palette": ("#6f8f6a", "#e6efe3"),
        "body": (
            "<p>Harm reduction is best known from work with people who use drugs: "
            "clean needles, naloxone, drug checking, meeting people where they are. "
            "Behind these practices is an attitude that reaches far beyond drugs. It "
            "starts from respect for a person's own choices and asks how things might "
            "become a little safer or a little better, without requiring them to "
            "change everything first.</p>\n"
            "<p>That attitude can change the shape of a conversation. Consider the "
            "difference between “You have to stop” and “What does this do for you, and "
            "what would make it less risky?” The first invites defence or silence. The "
            "second invites a real answer.</p>\n"
            "<h2>Common pitfalls</h2>\n"
            "<p>Well-meant conversations tend to go wrong in familiar ways. We rush to "
            "advice before we understand the problem. We use clinical words that make "
            "the other person feel like a case. We carry a hidden agenda, perhaps to "
            "get them into treatment, and they sense it, so everything we say starts "
            "to sound like a sales pitch.</p>\n"
            "<ul>\n"
            "<li><strong>Lead with curiosity.</strong> Ask what is going on before "
            "deciding what it means.</li>\n"
            "<li><strong>Drop the jargon.</strong> Use the words the person uses for "
            "their own experience.</li>\n"
            "<li><strong>Name your agenda if you have one.</strong> Being honest about "
            "your worries is better than steering.</li>\n"
            "<li><strong>Notice small changes.</strong> A safer choice is worth "
            "acknowledging even if nothing else has moved.</li>\n"
            "</ul>\n"
            "<h2>It applies at home too</h2>\n"
            "<p>These ideas are not only for workers. Parents, partners and friends "
            "can use them in ordinary life. A friend who drinks more than they used "
            "to, a teenager who has stopped going to school, a family member who hears "
            "voices: in each case, the relationship is often the most protective thing "
            "there is. Conversations that keep the relationship intact, even when you "
            "disagree, keep the door open.</p>\n"
            "<p>Harm reduction is sometimes criticised as giving up. People who "
            "practise it tend to see it the other way round. It refuses to give up on "
            "anyone, including people who are not ready, or never will be, to do what "
            "others think they should.</p>\n"
        ),
    },
    {
        "title": "Questions to ask a new therapist",
        "slug": "questions-to-ask-a-new-therapist",
        "summary": (
            "A first session is a chance for you to assess the therapist, not only the "
            "other way round. Some questions worth asking, and what to listen for."
        ),
        "tags": ["professional practice", "self-help"],
        "content_note": "",
        "days_ago": 17,
        "palette": ("#8c9a6e", "#eef1e4"),
        "body": (
            "<p>Starting with a new therapist can feel like a test you are expected to "
            "pass. In fact it works both ways: you are also finding out whether this "
            "person is right for you. Research on therapy has long pointed to the "
            "quality of the relationship as one of the things that matters most, so "
            "the decision deserves some care.</p>\n"
            "<p>Here are some questions people have found useful in a first session or "
            "an initial phone call. You do not need to ask them all, and a good "
            "therapist will not be offended by any of them.</p>\n"
            "<h2>About their approach</h2>\n"
            "<ul>\n"
            "<li>How do you understand the kind of difficulty I am describing?</li>\n"
            "<li>What does a typical session with you look like?</li>\n"
            "<li>How will we know if this is helping, and what happens if it is "
            "not?</li>\n"
            "</ul>\n"
            "<h2>About power and choice</h2>\n"
            "<ul>\n"
            "<li>What do you write down about me, and can I see it?</li>\n"
            "<li>When would you share information about me with someone else?</li>\n"
            "<li>What happens if I disagree with you?</li>\n"
            "</ul>\n"
            "<h2>About practicalities</h2>\n"
            "<ul>\n"
            "<li>How much does it cost, and what happens if I need to cancel?</li>\n"
            "<li>Can I contact you between sessions, and how?</li>\n"
            "<li>How do we end, when the time comes?</li>\n"
            "</ul>\n"
            "<p>Pay attention to how the answers feel as well as what they say. Does "
            "the therapist seem curious about you, or mostly keen to fit you into a "
            "model? Can they say “I don't know” without becoming defensive? These "
            "small signals often tell you more than a list of qualifications.</p>\n"
            "<p>It is also fine to change your mind. Many people see more than one "
            "therapist before finding someone they can work with, and leaving a "
            "therapist who is not right for you is not a failure. If you can, tell "
            "them why. A good therapist will want to know, and may even help you find "
            "someone better suited.</p>\n"
            "<p>Finally, notice whether you feel a little more like yourself after a "
            "session, even when the conversation was hard. That feeling is not "
            "everything, but it is worth trusting.</p>\n"
        ),
    },
    {
        "title": "Coming off medication: slowly, and not alone",
        "slug": "coming-off-medication-carefully",
        "summary": (
            "Wanting to reduce or stop psychiatric medication is a reasonable "
            "question. It deserves a careful plan made with your prescriber, and "
            "support around you."
        ),
        "tags": ["recovery", "professional practice", "self-help"],
        "content_note": "",
        "days_ago": 102,
        "palette": ("#7a94b8", "#e3eaf4"),
        "body": (
            "<p>Many people who take psychiatric medication wonder at some point "
            "whether they still need it. Some have been on the same prescription for "
            "years without anyone raising the question. Others are troubled by side "
            "effects, or simply want to know who they are without it. These are "
            "reasonable things to wonder about, and they deserve a proper "
            "conversation.</p>\n"
            "<p>This article is not medical advice, and it cannot tell you whether or "
            "how to change your medication. What it can do is pass on what people with "
            "lived experience, and the clinicians who work alongside them, have "
            "learned about approaching the question thoughtfully.</p>\n"
            "<h2>Start with your prescriber</h2>\n"
            "<p>Stopping some medications suddenly can cause withdrawal effects that "
            "are unpleasant and sometimes serious, and these can be mistaken for a "
            "return of the original difficulty. That is why any change is best planned "
            "with the person who prescribes for you. If they are unwilling to discuss "
            "it, you are entitled to ask why, and to seek a second opinion.</p>\n"
            "<h2>Things that tend to help</h2>\n"
            "<ul>\n"
            "<li><strong>Going slowly.</strong> Many people find that gradual changes, "
            "agreed with their prescriber, are easier to manage than large "
            "steps.</li>\n"
            "<li><strong>Keeping notes.</strong> A short daily record of sleep, mood "
            "and anything unusual makes it easier to see what is happening and to "
            "discuss it.</li>\n"
            "<li><strong>Telling someone.</strong> A friend or family member who knows "
            "what you are doing can notice changes you might miss.</li>\n"
            "<li><strong>Planning for hard days.</strong> Decide in advance whom you "
            "will contact and what you will do if things get difficult.</li>\n"
            "</ul>\n"
            "<p>It also helps to strengthen other supports before you begin. Peer "
            "groups, therapy, regular routines and time outdoors will not replace a "
            "careful plan with your prescriber, but they can make the process much "
            "less lonely.</p>\n"
            "<p>Some people come off medication and find they do well without it. Some "
            "settle on a lower dose. Some try, and then decide to go back, and that is "
            "a legitimate outcome rather than a failure. The goal is not a particular "
            "result but an informed choice, made with support, about your own body and "
            "mind.</p>\n"
        ),
    },
    {
        "title": "Writing your way back",
        "slug": "writing-as-a-recovery-tool",
        "summary": (
            "Writing will not cure anything, but it can give shape to experience. A "
            "few simple ways to begin, and some cautions for when the page gets heavy."
        ),
        "tags": ["self-help", "recovery", "hearing voices"],
        "content_note": "",
        "days_ago": 3,
        "palette": ("#b08d6e", "#f4ece3"),
        "body": (
            "<p>Writing has been part of my own work for a long time, and I often "
            "suggest it to the people I see. Not because writing cures anything, but "
            "because it gives experience a shape. Thoughts that circle endlessly in "
            "the head can look different once they are on paper, where you can read "
            "them back and notice what you left out.</p>\n"
            "<p>You do not need to be a writer to use writing this way. Nobody else "
            "has to read it, and spelling and grammar do not matter. What matters is "
            "having a place to put things down.</p>\n"
            "<h2>Some ways to begin</h2>\n"
            "<ul>\n"
            "<li><strong>Ten minutes, without stopping.</strong> Set a timer and write "
            "whatever comes, without correcting. If you get stuck, write “I don't know "
            "what to write” until something else arrives.</li>\n"
            "<li><strong>Letters you will not send.</strong> Write to someone who hurt "
            "you, someone you miss, or a younger version of yourself.</li>\n"
            "<li><strong>Your story in chapters.</strong> List the chapters of your "
            "life so far and give them titles. Notice which feel finished and which "
            "are still being written.</li>\n"
            "<li><strong>A dialogue.</strong> If you hear voices or live with a harsh "
            "inner critic, try writing a conversation with them, and give yourself the "
            "last word.</li>\n"
            "</ul>\n"
            "<h2>A few cautions</h2>\n"
            "<p>Writing about painful events can stir things up. It is fine to stop, "
            "to write about something lighter, or to put the notebook away for a "
            "while. Some people like to end each session with a few lines about the "
            "present: what they can see around them, and what they will do next.</p>\n"
            "<p>Keep what you write somewhere private. If you live with others, a "
            "drawer that locks or a password on a file can make it easier to be honest "
            "on the page.</p>\n"
            "<p>Over time, many people find that rereading old entries is encouraging. "
            "Problems that seemed permanent have shifted. Words that were impossible "
            "to write have become easier. That record can be some of the most "
            "convincing evidence that change is happening, even when it does not feel "
            "like it.</p>\n"
        ),
    },
]
