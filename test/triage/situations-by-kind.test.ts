/**
 * Triage by kind of situation, in wording of our own (never an evaluation set's): plain-word
 * medical distress; harm disclosed about someone due to collect the child within the hour; a child
 * driven or taken off now; an adult shut in a room with a child; a young child found alone; harm
 * that is past and settled; a worker's private life; a manager keeping an allegation from the
 * LADO; a death or serious injury through a worker's conduct; signs described without their name;
 * concerns raised again and again. Each line: the routes that must come first, in order.
 * Most were written before the vocabulary was changed for them (knowledge/triage/*.yaml); two
 * batches were scored once on first contact (22 of 26, 8 of 17, 28 of 31, 8 of 10, then 22 of 25)
 * and then looked into.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createTriage } from '../../domain/triage/triage.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';

const kb = loadKnowledge();
const triage = createTriage(kb.triage);

/** The routes a line names come first, in order; a line naming none must get none at all. */
function expectRoutesFirst(message: string, routes: readonly string[]): void {
  const got = triage.triage(message).routes;
  expect(routes.length ? got.slice(0, routes.length) : got).toEqual(routes);
}

describe('999 first (with the route that follows it)', () => {
  it.each([
    // A child on a window sill or walking along the kerb of a main road; a door nobody answers now.
    ['a little boy of about 2 is standing on the sill of an open upstairs window next door, I can’t see anyone with him', ['emergency']],
    ['there is a toddler in pyjamas walking along the kerb of the high road on his own, I have stopped my car', ['emergency']],
    ['the baby upstairs cried for hours last night, now it is silent and nobody answers now when I knock', ['emergency']],
    // Seventeenth fresh set's kinds, our words: an allergic reaction by its signs; a pupil not seen since a headcount.
    ["toddler at stay and play had a bite of a peanut bar, her eyes are puffing up and she's wheezy", ['emergency']],
    ['on the school trip a year 5 boy has not been seen since lunch, we have searched the woods and it is getting dark now', ['emergency']],
    // A worker has taken a child away and neither can be reached (sixteenth fresh set's kind; our words).
    ['our minibus driver drove off with a year 7 boy after the trip instead of bringing him back to school. Neither is picking up', ['emergency', 'lado']],
    // Emergencies told calmly (sixteenth fresh set's kinds; our words): a rash that doesn't fade
    // under a glass; ketoacidosis; a child left in a car; a child leaning over a balcony rail; a
    // man barred from children minding them now; a missing child who doesn't know where she is.
    [
      "nursery: a 1 year old has a temperature and little dark red spots on her tummy that don't fade when I roll a glass over them, dad wants to take her home",
      ['emergency'],
    ],
    ["girl with diabetes in my class has been sick twice, is breathing fast and her breath smells like pear drops, she's lying on the beanbag", ['emergency']],
    ["a dad in the waiting room just said his 3 year old is locked in his car outside while he sees the GP, it's really hot today", ['emergency']],
    ['the little boy in the flat opposite is leaning over the balcony railing on the 6th floor, I can’t see any adult', ['emergency']],
    ['a man on the sex offenders register I supervise has just told me he is babysitting his new girlfriend’s daughter tonight', ['emergency']],
    [
      "our 14 year old in care is missing and has just rung me crying, she doesn't know where she is and there are men shouting in the background",
      ['emergency'],
    ],
    // Live, whatever else is past: a time counted from yesterday, a parent who never came back, a sign in the present tense.
    ['the baby next door has been screaming since yesterday and I can hear her through the wall, nobody has answered all day', ['emergency']],
    ['a 2 year old is alone in the flat, her mum went out yesterday and never came back, the neighbour has her door key', ['emergency']],
    ['dad rang to say his son, sent home from hospital yesterday, is fitting again on the kitchen floor', ['emergency']],
    ["a volunteer driver has taken a year 8 girl to his home instead of dropping her at school and isn't picking up his phone", ['emergency', 'lado']],
    ["our 15 year old resident texted that she's at a party in a flat she doesn't know and a man won't let her leave", ['emergency']],
    ['two men just bundled a teenage boy into a car outside the college gates', ['emergency']],
    // A head injury with its warning signs, or a limb held as if broken, caused by a worker: 999, then the LADO.
    ['a support worker pushed a boy off the bunk bed, he hit his head on the floor and now feels dizzy and keeps being sick', ['emergency', 'lado']],
    ["the PE teacher yanked her arm during the lesson and she can't move her arm now, she's in tears", ['emergency', 'lado']],
    ['a boy in the playground has a knife and is threatening to stab another pupil', ['emergency']],
    // Blood seen through clothes, and a child named as a "lad" with no article.
    ['lad about 15 at the bus stop holding his stomach, blood coming through his shirt, says not to tell anyone', ['emergency']],
    ["year 8 boy showed me texts from older lads saying they're coming to the school to get him today", ['emergency']],
    ["we found a knife in a year 9 girl's bag and she says she's going to stab the girl who posted about her after school", ['emergency']],
    // Snatched and driven off is an abduction whenever the writer heard of it.
    ['her former partner has grabbed the 3 year old from outside the nursery and the two of them have driven off', ['emergency']],
    ["a 9 year old just whispered to me that mum's boyfriend put a pillow over her face last night and he's collecting her today", ['emergency', 'mash']],
    ["lad on the football pitch collapsed and isn't breathing properly, the coach is with him", ['emergency']],
    ["a year 1 girl has an allergy and ate a peanut cookie, her face is swelling up and she's wheezing", ['emergency']],
    ['girl found slumped in the park shelter, barely awake, empty vodka bottle next to her', ['emergency']],
    ['a carer at the respite unit is slapping a disabled child repeatedly, I can see it through the window', ['emergency', 'lado']],
    ["a 16 yr old told the school counsellor she's got her mum's sleeping pills in her bag and plans to take them all tonight", ['emergency']],
    ['the dad at the door is threatening to come in and take the kids, he says he has a blade', ['emergency']],
    ["my 12 yr old mentee has just messaged that she's at a stranger's house and they've locked her in", ['emergency']],
    ['boy ran into reception bleeding from his head saying his brother hit him with a hammer', ['emergency']],
    ['teenager at the bus station says a man has been following her for an hour and is standing behind her now', ['emergency']],
    ["nursery child has pushed a bead right up her nose and now she's struggling to breathe through her mouth too", ['emergency']],
    ["mum's ex has locked the door of the flat and is refusing to let her or the baby go, I can hear him shouting", ['emergency']],
    ["the minibus driver for our trip smells strongly of drink and the children are already on board, he's starting the engine", ['emergency', 'lado']],
    ["at pick up a stranger took hold of a reception child's hand and is leading her out of the playground", ['emergency']],
    ["a man on the tube is touching a schoolgirl under her skirt, she looks terrified, I'm a few seats away", ['emergency']],
    ["17 year old sent me a photo of herself standing on the edge of the railway bridge with the message 'sorry'", ['emergency']],
    ['a boy in the changing room has wrapped his belt around his neck and tied it to the coat hook', ['emergency']],
    ["year 2 boy fell in the pond at forest school, we pulled him out but he's wheezing and his skin has gone a funny grey colour", ['emergency']],
    ["teen at the drop-in is sweating, shaking and can't stand up properly, says she had some pills from a mate earlier", ['emergency']],
    ['a baby at the clinic is making grunting noises with every breath and looks really pale and clammy', ['emergency']],
    ["lad at football got kicked in the head, now he's confused, not making sense and keeps being sick", ['emergency']],
    ['girl in the toilets is coughing up blood and can barely talk, her friend says she was punched in the stomach', ['emergency']],
    ["my key child's eyes keep rolling back and she's gone limp on the mat", ['emergency']],
    ["4 yr old swallowed one of those button batteries about 20 minutes ago, mum didn't realise", ['emergency']],
    ['pupil is gasping and clutching his throat after eating something at lunch, his lips are swelling', ['emergency']],
    ["reception child says her mum's boyfriend hurts her 'down below'; he collects her at 3.15 today", ['emergency', 'mash']],
    ['boy in year 4 just said his dad burnt him with a lighter last night and dad is picking him up at the end of the day', ['emergency', 'mash']],
    ["she told me her step brother makes her do sexual things; he's the one taking her home after club in 20 minutes", ['emergency', 'mash']],
    ["the minibus driver has taken one of our year 9 girls off in the bus on his own, nobody knows where and she isn't answering", ['emergency', 'lado']],
    ["a coach just drove away from the sports centre with an 11 year old in his van without the parents' say so", ['emergency', 'lado']],
    ["dad has no contact because of a court order but he's just put his son in his car outside the school and driven off", ['emergency', 'mash']],
    ["a volunteer at the youth club has taken a 12 year old into the store cupboard and locked the door, he won't answer us", ['emergency', 'lado']],
    ["the night carer is in a girl's room with the door barricaded and we can hear her crying", ['emergency', 'lado']],
    ["mum's boyfriend has shut himself in the bathroom with the toddler and he's been drinking, mum is screaming at us to help", ['emergency', 'mash']],
    ["found a little girl of about 4 crying by the bus stop on her own, nobody is with her and she doesn't know her address", ['emergency']],
    ["a small boy in pyjamas has walked into the shop by himself, no parent around and it's nearly midnight", ['emergency']],
    ['two toddlers wandering along the canal towpath with no grown up anywhere', ['emergency']],
    ['child at holiday club came out of the swimming pool spluttering, now really sleepy and his lips have a bluish tinge', ['emergency']],
    ["the baby I'm visiting is very hot, won't feed and is making a weird high pitched cry, she's hardly moving", ['emergency']],
    ['girl in year 10 collapsed in the corridor after PE and is shaking all over, eyes not focusing', ['emergency']],
    ["a teen at the youth club is vomiting and can't keep his head up after drinking vodka in the park", ['emergency']],
    ['my foster child has gone a strange colour and is struggling to catch his breath after being stung by a wasp', ['emergency']],
    ["toddler found with an open bottle of his nan's pills and he's really dopey now", ['emergency']],
    ["child in nursery told her keyworker that mummy's friend hurts her when he baths her, and he's the one picking her up at 12", ['emergency', 'mash']],
    ["year 6 boy says his dad strangled him last night; it's 2.30 and dad always waits for him at the gate at 3.15", ['emergency', 'mash']],
    ["14 yr old disclosed her step dad has been raping her, she's going home on the bus in 20 mins and he'll be there", ['emergency', 'mash']],
    ['a girl aged about 12 was pulled into a van outside the chip shop a few minutes ago by two men', ['emergency']],
    [
      'our supply TA has taken a reception child out of school without permission, they left about half an hour ago and her phone goes to voicemail',
      ['emergency', 'lado'],
    ],
    ['dad has snatched the baby from the contact centre and run off, the supervisor is chasing him', ['emergency']],
    ["the scout leader is alone in the tent with a boy and has zipped it shut, other leaders are outside and he won't come out", ['emergency', 'lado']],
    ["I'm outside the flat, the mum's partner has locked himself in with the children and is shouting that nobody is coming in", ['emergency', 'mash']],
    ['a little boy of about 2 is toddling along the high street in his nappy with nobody around', ['emergency']],
    ["there's a crying child of about 5 at the train station who can't find his mum and nobody is looking for him, it's late", ['emergency']],
    ["the 8 month old I'm holding has gone all floppy and her breathing sounds rattly, mum says she's been like this since lunch", ['emergency']],
    ["a boy at the bus stop is clutching his chest and gasping, his friends say he took two of his brother's pills", ['emergency']],
    ["year 9 lad fell off the wall and his leg is at a weird angle, he's screaming in pain", ['emergency']],
    [
      "a 5 year old just told her TA that her mum's boyfriend put his hands round her neck this morning, and he's the one who collects her",
      ['emergency', 'mash'],
    ],
    [
      "10 yr old says his dad's mate does 'naughty things' to him when he stays over, and the mate is picking him up from football in an hour",
      ['emergency', 'mash'],
    ],
    ['someone has just grabbed a child from the play area and run towards the car park, the child was screaming', ['emergency']],
    ["our new volunteer left the trip with a year 4 boy 15 minutes ago, they're not answering and nobody agreed to it", ['emergency', 'lado']],
    ["a dinner supervisor has locked herself in the disabled toilet with a year 1 child and won't come out", ['emergency', 'lado']],
    ['a little girl aged about 3 is sitting alone on the swings in the dark, no adults in the park at all', ['emergency']],
    ["a 14 year old in the park has drunk most of a bottle of vodka and we can't wake her up", ['emergency']],
    ['the toddler at stay and play is burning up, very floppy and has gone blotchy and purple on his legs', ['emergency']],
    ['lad in year 8 got hit in the throat with a cricket ball and is making a horrible whistling noise when he breathes', ['emergency']],
    ["girl says she's taken a handful of her nan's heart tablets in the last half hour and feels dizzy", ['emergency']],
    ["3 year old at the swimming lesson was under for a few seconds, now he's coughing a lot and sleepy", ['emergency']],
    ["reception boy told me his stepdad kicked him in the tummy and 'made him bleed' and his stepdad is coming for him at 3", ['emergency', 'mash']],
    ["13 year old told me her brother rapes her at night and she's going home with him on the bus after school", ['emergency', 'mash']],
    ['a woman just pushed a crying child into a car outside the library and drove off fast', ['emergency']],
    ['a sports coach has just driven off from the match with one of our under 11s without her parents knowing', ['emergency', 'lado']],
    ['the youth club leader has taken a 13 year old into the back office and is refusing to open the door', ['emergency', 'lado']],
    ['a small child about 2 is crying alone in the supermarket car park, nobody has come for him for 20 minutes', ['emergency']],
    ['I can hear a toddler screaming behind the door of the flat below for ages and nobody is answering the door', ['emergency']],
    ['she says her stepdad touches her at night and he is picking her up after school today', ['emergency', 'mash']],
    // A child in a room behind a shut door now; a child where they could fall; a handover now.
    ['a TA has taken a crying reception child into the stock room and the door is shut now', ['emergency', 'lado']],
    ["there's a little boy of about 3 standing on the balcony railing of a 6th floor flat and I can't see any adult", ['emergency']],
    ['two young kids are playing on the railway line behind the estate right now', ['emergency']],
    ["an aggressive mother says she's taking her son home right now; he told us this morning she burns him with cigarettes", ['emergency', 'mash']],
  ] as Array<[string, string[]]>)('%s', expectRoutesFirst);
});

describe('the LADO first', () => {
  it.each([
    // "Was grabbing" is past: harm now is "is grabbing" (as typed), not any tense of it.
    ['CCTV shows a lunchtime supervisor slapping a year 1 boy on the arm because he was grabbing other children’s food, no injury', ['lado']],
    // Sixteenth fresh set's kinds, our words: a carer's implement in a child's words; play fighting;
    // an invitation to a worker's home; a worker's own caution; a worker's own children on plans
    // (firm against a reading of an escalation); "HVs" as health visitors.
    ["a 9 year old in our kinship foster placement told me her carer 'gets the slipper out' and does the slipper on her", ['lado']],
    ['one of the residential staff keeps play fighting with the younger boys and one of them ended up crying', ['lado']],
    ['a parent told us a volunteer coach said her son can come round his house any time to play the new console', ['lado']],
    ['a youth worker on our team has told us he was cautioned by police last month for assault', ['lado']],
    ['one of my social workers told me in supervision that her own children have just been made subject to child protection plans', ['lado']],
    // A parent or carer in a family known to children's services who works with other children:
    // the LADO, firm against a reading of an escalation (routes.yaml `firm`).
    [
      "I'm the family's social worker; the children are on a CP plan for neglect and I've just learned their dad is a swimming teacher at the leisure centre",
      ['lado'],
    ],
    [
      'health visitor - the mum on my caseload with a baby on a child protection plan told me her partner works as a minibus escort for a special school',
      ['lado'],
    ],
    // A worker "here" is the one the message is about, not the writer; "over a number of years" and
    // "her figure" ask for no statistics (fifteenth fresh set's kinds; our words).
    ['a lunchtime supervisor here has been arrested for hitting children at his last school', ['lado']],
    ['our caretaker has been accused of touching pupils over a number of years', ['lado']],
    ["a parent complained that the swimming instructor keeps commenting on her 14 year old daughter's figure", ['lado']],
    // Past, and a road the child was kept out of: the LADO, not 999.
    ['a teacher grabbed a boy last week to stop him running into the road, and left bruises', ['lado']],
    // A worker's own children, named as theirs after the fact or as the children they have at home.
    ['police were called to a domestic at a house last night and the man arrested is a youth worker; the children in the house are his own', ['lado']],
    ['the PE teacher has two kids at home who are on child protection plans, I heard through a neighbour', ['lado']],
    ["a foster carer's teenage son has been touching the younger foster child", ['lado']],
    ['the caretaker keeps giving one year 7 boy cigarettes and letting him hang around in his shed', ['lado']],
    ['our swimming coach was arrested last week for assaulting his girlfriend', ['lado']],
    ['a nursery worker posted pictures of the children on her personal facebook with rude comments', ['lado']],
    ['a teaching assistant has been found to have an indecent image of a child on his laptop', ['lado']],
    ['a parent has complained that the PE teacher sends her daughter messages on instagram', ['lado']],
    ["a coach at the boxing gym slapped a 12 year old for not listening, the boy's mum told reception", ['lado']],
    ['a youth pastor at our church keeps hugging the teenage girls for too long and commenting on their clothes', ['lado']],
    ['a foster dad was arrested last night for drink driving with his own children in the car', ['lado']],
    ["the nursery manager's husband, who does the garden at the setting, has been cautioned for indecent exposure", ['lado']],
    ["a teaching assistant has been telling a year 9 girl she's his favourite and sending her songs late at night", ['lado']],
    ['a learning mentor has been inviting two year 10 boys back to his house to play video games at weekends', ['lado']],
    ['our receptionist at the GP surgery has been adding teenage patients on snapchat and messaging them late at night', ['lado']],
    ['our school business manager told us her teenage son is on a child protection plan', ['lado']],
    ["a nursery assistant's children have been taken into care by another council", ['lado']],
    ["one of our foster carers' husband has just been charged with possessing indecent images of children", ['lado']],
    ["a childminder on our list has let her brother move in, he's a registered sex offender", ['lado']],
    ['our PE teacher was arrested at the weekend for hitting his partner in front of their kids', ['lado']],
    ['a teaching assistant is living with a man who is on the sex offenders register', ['lado']],
    ["I reported that our deputy head kissed a sixth former and the head says there's no need to involve the LADO, it's sorted", ['lado', 'escalation']],
    ["my manager won't refer a support worker to the LADO even though a child said he pinned her down", ['lado', 'escalation']],
    ['the chair of governors has decided to handle the allegation about the headteacher internally and not tell anyone outside', ['lado', 'escalation']],
    ['the swimming instructor makes children who mess about sit on the cold poolside in wet costumes for half an hour as a punishment', ['lado']],
    ['a teaching assistant shut a 6 year old in a dark room as a punishment for crying', ['lado']],
    ["the karate instructor makes kids do press-ups till they're sick if they're late", ['lado']],
    ['one of our lunchtime staff said her teenage daughter has been placed with foster carers by the council', ['lado']],
    ['a sports coach we employ lives with a woman whose son was removed because of abuse', ['lado']],
    ["our nursery cook's partner is on bail for sexual offences against a child and is living with her", ['lado']],
    ['a foster carer told us her adult son, who lives with them, has been convicted of violence', ['lado']],
    ['the head of the academy has told me not to inform the LADO about a teacher who sent a pupil a kiss emoji at midnight', ['lado']],
    ["our centre manager says he'll sort out the volunteer who shoved a child himself and doesn't want the LADO involved", ['lado']],
    ['the after school club staff make children who wet themselves sit in their wet clothes as a lesson', ['lado']],
    ['a tutor at the madrasa made a boy hold his ears and squat for an hour as punishment', ['lado']],
    ['a playworker at our holiday scheme has a partner who is a registered sex offender and he sometimes drops her off at work', ['lado']],
    ['one of our school nurses told the head that her own children were taken into care last year', ['lado']],
    ["the school business manager says she won't be reporting the PE teacher's messages to a pupil to the LADO because he's a friend", ['lado', 'escalation']],
    ['the martial arts coach made a 9 year old do the plank until he cried as a punishment', ['lado']],
    ["a nursery practitioner was seen pinching a toddler's arm hard when he wouldn't sit down", ['lado']],
    ["a playgroup volunteer's own son is subject to a child protection plan for neglect", ['lado']],
    ['our school minibus driver lives with a man who has a conviction for child sexual offences', ['lado']],
    ["my headteacher has decided not to tell the LADO that a TA grabbed a child by the neck because 'she's under a lot of stress'", ['lado', 'escalation']],
    ["the head of the kids' football club says he'll deal with a coach who sent a boy nudes 'in house' without involving anyone", ['lado']],
    ['the judo instructor made a small boy stand barefoot outside in the snow because he was late', ['lado']],
    ['the escort on the school taxi has been giving one of the girls sweets and telling her not to tell her mum', ['lado']],
  ] as Array<[string, string[]]>)('%s', expectRoutesFirst);
});

describe('the Panel first', () => {
  it.each([
    // A baby ventilated after being left in the bath with a young sibling.
    ['baby of 11 months was ventilated in PICU after being left in the bath with a 3 year old brother, mum was downstairs', ['panel']],
    // A child intubated after swallowing a parent's drugs left within reach.
    ["a 3 year old swallowed some of mum's methadone that was left on the side and had to be intubated in resus", ['panel']],
    // A carer passed out drunk when a child died; harm that needed surgery; a suicide attempt serious enough for a unit.
    ['a 4 year old drowned in the paddling pool while dad had passed out drunk on the sofa', ['panel']],
    ['a boy at our holiday club needed surgery on his wrist after a play leader threw him to the floor', ['panel', 'lado']],
    ['a baby died in her cot and the parents were drunk and had been told not to co-sleep; the family were on a CIN plan', ['panel']],
    ['an 11 year old in foster care took his own life at the weekend', ['panel']],
    ["a 2 year old is on life support after being found with multiple injuries; mum's partner has been arrested", ['panel']],
    ['a toddler has been left brain damaged after being found unresponsive at home; police are investigating the parents', ['panel']],
    ['a 14 year old known to the exploitation team was stabbed and is in a critical condition', ['panel']],
    ["a 4 month old on a child protection plan died suddenly and the parents' story keeps changing", ['panel']],
    ['a child died at nursery after a member of staff left her unsupervised near the pond', ['panel', 'lado']],
    ['a foster carer is under investigation after the 2 year old in her care suffered a fractured skull', ['panel', 'lado']],
    ['14 year old in residential care is in intensive care after being restrained face down by staff', ['panel', 'lado']],
    ['6 month old suffered a bleed on the brain while at nursery, the nursery worker says the baby rolled off a changing table', ['panel']],
    ['a looked after girl died in her residential home after staff failed to check on her overnight', ['panel']],
    ["a resident at our children's home has brain damage after staff used a neck hold during restraint", ['panel']],
    ['a 3 year old died after being left in a hot minibus by nursery staff on a trip', ['panel']],
    ["a foster baby is in intensive care with a fractured skull and bleeds behind the eyes; the foster carer can't explain them", ['panel']],
    // Serious harm named by its treatment, and care sought late.
    ['toddler on the burns unit needing skin grafts after a scald at home, mum waited 3 days before bringing her in', ['panel']],
  ] as Array<[string, string[]]>)('%s', expectRoutesFirst);
});

describe('an escalation', () => {
  it.each([
    // Agencies passing a case between them; a LADO outcome thought wrong; "TA" as temporary
    // accommodation, not a teaching assistant (sixteenth fresh set's kinds; our words).
    [
      'school nurse: CAMHS say it is a social care issue and social care say it is CAMHS, two weeks of going round in circles while she keeps self harming',
      ['escalation'],
    ],
    [
      "the LADO closed the allegation about our caretaker as false; two more pupils have now said the same and I don't think that decision can stand",
      ['escalation'],
    ],
    [
      "housing officer - the MASH told me the damp flat is a housing issue but the family in TA have a newborn sleeping in a mouldy room and I'm not happy with that",
      ['escalation'],
    ],
    // The writer's own role named with its setting ("as the school nurse") is no allegation against a nurse.
    ['as the school nurse I asked for my disagreement to be minuted when the conference decided the neglect did not need a plan', ['escalation']],
    ["the police have not responded to three calls about the missing teenager's whereabouts", ['escalation']],
    ['the social worker wants to close the case but the school and GP both think the risk is still high', ['escalation']],
    ["I sent the referral form on Monday and still haven't heard anything back from MASH", ['escalation']],
    // Unease with the front door's advice, said plainly.
    ["children's social care advised us to tell mum about the referral first, honestly that feels unsafe for the girl", ['escalation']],
    ["MASH told me to just speak to the dad about it first, I'm really not comfortable with that, he is the one hurting her", ['escalation']],
    ['referred a 10 year old about his mum leaving him alone at night, 3 weeks on still no contact from anyone, not even an acknowledgement', ['escalation']],
    ['we referred a baby with a bruise and social care decided it was accidental without seeing him', ['escalation']],
    ['my own manager refuses to let me make a referral even though I believe the child is at risk', ['escalation']],
    ["I raised concerns with the team manager two weeks ago and still haven't had an answer", ['escalation']],
    ['the front door screened our referral out in a day without even ringing the school', ['escalation']],
    ["health weren't invited to the strategy discussion and the outcome was no further action", ['escalation']],
    ['our allocated worker has changed four times and nobody has visited the children since spring', ['escalation']],
    ["social care say it's just a parenting issue but the bruising keeps happening and I don't accept that", ['escalation']],
    ['conference ended the plan despite our objections, the school wants the decision looked at again', ['escalation']],
    ["the IRO hasn't returned a single email in a month and the looked after review keeps slipping", ['escalation']],
    ['the strategy meeting went ahead without us even though we are the ones who see the child every day', ['escalation']],
    ["we think the threshold decision was wrong but the MASH manager won't discuss it", ['escalation']],
    ['the police decided no further action on the assault even though the child gave a clear account', ['escalation']],
    ["the social worker won't return my calls about the child protection plan and the conference is next week", ['escalation']],
    ['two councils keep arguing about which of them is responsible for this family while the kids have no school place', ['escalation']],
    ["the health visitor hasn't come to any of the child in need meetings and her actions never get done", ['escalation']],
    ["the youth offending team won't share anything about the risks this lad poses even though we've requested it three times", ['escalation']],
    ["I've flagged this boy's exploitation at three MACE meetings and no one does anything about it", ['escalation']],
    ['keep telling the social worker about the bruises and she just brushes it off every time', ['escalation']],
    ['raised my worries at the core group twice but nobody seems bothered', ['escalation']],
    ["I have raised the same concerns about this baby at four child in need meetings and the social worker keeps saying it's fine", ['escalation']],
    ["the police haven't bothered following up on the child's disclosure despite me chasing them for weeks", ['escalation']],
    ["our referral was sent back with no action and the family's situation has got worse", ['escalation']],
    ["we've told the local authority three times the kids are going hungry and nobody has done a thing", ['escalation']],
    ["the social worker closed the case without speaking to the children and we think that's wrong", ['escalation']],
    ['the MASH keeps sending our referrals back asking for more information while the child is still being hit', ['escalation']],
    ["I've escalated to the team manager twice and the family still doesn't have an allocated worker", ['escalation']],
    // "Missed" meetings are not a missing child.
    ['the police have missed the last two strategy meetings on a child at risk and nobody has chased it', ['escalation']],
    // A decision taken over the writer's objection; going missing as a pattern is not missing now.
    ['the strategy meeting decided no further action and I was the only one who objected', ['escalation']],
    ['she is still going missing every weekend and conference ended her plan over my objection', ['escalation']],
    // Harm named as a risk ("at risk of being hurt"), not as happening now.
    ["CSC and police can't agree who should visit and meanwhile the children are at risk of being beaten by dad", ['escalation']],
  ] as Array<[string, string[]]>)('%s', expectRoutesFirst);
});

describe('a referral first, not 999', () => {
  it.each([
    // Money demanded for images; sexual abuse in a child's words; an assault described by what was done;
    // a home that harms and children out of school.
    ["year 9 girl says a 'boy' online who turned out to be pretending to be a boy got pics off her and wants £100 or he'll send them to her friends", ['mash']],
    ["7 year old told me her cousin does 'sex stuff' with her when the grown ups are downstairs", ['mash']],
    ['year 4 girl said some older girls pulled her knickers down in the toilets and laughed', ['mash']],
    ["housing officer: family of six in a studio with black mould on every wall, and the 10 year old isn't on roll at any school", ['mash']],
    // Honour-based abuse and admiration of mass violence, in the words used (sixteenth fresh set's kinds; our words).
    ['a year 10 girl says her uncle told her she has brought shame on the family by talking to boys and her cousins now watch her', ['mash']],
    ['year 9 boy keeps sharing memes glorifying the Christchurch shooter and says some people deserve to be wiped out', ['mash']],
    // Somewhere safe tonight, or tonight as when the writer was told, is no danger tonight.
    ["a 17 year old told me her mum threw her out on sunday, she's staying at her aunt's and is ok tonight but can't stay there long", ['mash']],
    ['a boy of 12 said at cubs tonight that his grandad used to hit him when he was small, he has not seen him for years', ['mash']],
    // "Attended a domestic": the police's word for a domestic abuse call (fifteenth fresh set's kind; our words).
    ['police officer: we attended a domestic at the flat on saturday, two children under 5 were there, dad has been bailed', ['mash']],
    // An injury on the mend, a picture of a weapon, a day named as past (fifteenth fresh set's kinds; our words).
    ['a boy in year 4 has a bruise on his cheek that is now fading, he says his step-dad grabbed his face at the weekend', ['mash']],
    ['she showed me some scratches on her arm, they look a few days old and are healing, she said she did them herself', ['mash']],
    ['a year 9 showed me a video on his phone of his cousin posing with a zombie knife, he says the older lads want him to carry one', ['mash']],
    ['yesterday on my home visit the baby was in a dirty nappy in a cold room and dad was asleep on the sofa, mum got home as I left', ['mash']],
    // An injury dated weeks ago in the same breath, nothing live since.
    [
      'a mum told me her partner strangled her until she passed out two weeks ago in front of the children, he has moved out and she says she is fine',
      ['mash'],
    ],
    // A knife found in a bag and taken off a child: dealt with, unless there is a threat or an injury.
    ["head of year here, we found a knife in a year 10 boy's bag at registration and confiscated it, he says older boys have been after him", ['mash']],
    // The one who did it has gone about his day: harm told of, not happening.
    [
      'year 2 boy told me his dad punched his mum last night and she was crying on the floor, he is not hurt and dad has gone to work, the DSL is off today, can it wait till tomorrow?',
      ['mash'],
    ],
    ['a girl in year 8 said her dad has arranged for her to marry her cousin when she turns 16', ['mash']],
    // The writer's own first time is no agency failing to act.
    ["I've never done a pre-birth referral, the mum's partner has a DV conviction and her older three were removed", ['mash']],
    ['the 6 year old says he makes his own dinner most nights because mum is always asleep', ['mash']],
    ['year 10 girl has been given a phone and money by a man in his thirties she met online', ['mash']],
    ["he told me his uncle hit him with a belt at easter, he's not seen the uncle since", ['mash']],
    ["a child in year 3 has told us dad hits him with a slipper when he's naughty", ['mash']],
    ["mum's new partner moved in last month and the kids have gone quiet and withdrawn, the eldest says he shouts a lot", ['mash']],
    ["a baby at clinic has a bruise on her cheek and she's not crawling yet, mum says the toddler did it", ['mash']],
    ['a boy told me his dad makes him kneel on rice when he gets spellings wrong', ['mash']],
    ['13 yr old said a man online has been asking her to turn her camera on and take off her top', ['mash']],
    ['girl in year 11 has a much older boyfriend who buys her vapes and picks her up in an expensive car', ['mash']],
    ["a 4 year old is being collected by different men every week, mum says they're 'uncles'", ['mash']],
    ["year 5 boy keeps falling asleep in class and says he's up all night looking after his mum who drinks", ['mash']],
    ["dad picks the kids up from school after he's been drinking and drives them home", ['mash']],
    ["a boy has been staying with his friend's family for three months since his mum went back to Poland, and social care don't know", ['mash']],
    ['15 year old girl has stopped eating and is losing weight fast, and parents refuse to take her to the GP', ['mash']],
    ["a 14 year old's boyfriend is 25, answers every question for her and won't let her talk to the nurse on her own", ['mash']],
    ["the flat was filthy with rubbish everywhere and the baby's bottle had gone sour", ['mash']],
    ["a 15 year old works every night in a relative's restaurant kitchen, has no passport of his own and isn't paid", ['mash']],
    ["6 yr old told me her brother hit her with a stick over the christmas holidays; he's gone back to uni now", ['mash']],
    ["year 8 said she was kicked out for a night at easter and slept at a friend's, she's back with mum and fine now", ['mash']],
    ["on saturday there was a big row at home and the police were called; dad's now living at his mum's and the kids are settled", ['mash']],
    ['nursery child mentioned that daddy hit mummy a few weekends back; parents have since separated', ['mash']],
    ["a year 9 says his mum's ex used to beat him when he was little, they haven't seen him for years", ['mash']],
    ['there was an incident over half term where the children were left with a neighbour for several days; parents are home again now', ['mash']],
    ["a girl in year 5 says she's going to her grandmother's country in the holidays for a celebration where she'll become a 'proper woman'", ['mash']],
    ["a mum on the ward told me she's been too low to feed the baby properly and mostly leaves her in the cot", ['mash']],
    ['dad is so depressed he stays in bed all day and the 7 year old gets herself to school and makes her own tea', ['mash']],
    ["year 11 says her uncle hit her over the summer; she's moved to her nan's but her little sisters are still living with him", ['mash']],
    ["mum doesn't agree that her son needs help, but he has told me his uncle touches him", ['mash']],
    ["parents disagree with the school's worries, but the 5 year old has bruises on both arms again", ['mash']],
    ["a year 2 child mentioned dad smacked her with a slipper during the summer, she's seemed happy since and dad works away now", ['mash']],
    ["last saturday the police took mum's ex away after he punched her in front of the kids; he's on bail and not allowed back", ['mash']],
    ["11 yr old said she was locked out of the house overnight a couple of weeks ago; mum has apologised and she's back home", ['mash']],
    ['over christmas her uncle touched her, she has told mum and the uncle has gone back to Nigeria', ['mash']],
    ["year 3 girl says her mum and aunties are taking her away in the holidays to 'have a small operation so she can be clean'", ['mash']],
    ['dad says he has been really low since mum left and the twins are missing a lot of school and look unwashed', ['mash']],
    ["mum told me she's so exhausted she leaves the 1 year old strapped in the high chair most of the afternoon", ['mash']],
    ["mum says she doesn't agree with me but her 4 year old keeps coming to nursery with cigarette burns", ['mash']],
    ['she told me mum hit her with a wooden spoon a couple of months ago, things have been better since mum started counselling', ['mash']],
    ["the children were in the house when dad smashed up the kitchen on boxing day; he has since moved to his mum's", ['mash']],
    ["a 7 year old says she's going 'back home' for a big family party and will be 'cut like her sister'", ['mash']],
    ["mum has severe postnatal depression and says she sometimes can't face picking the baby up when she cries", ['mash']],
    ["the boy's parents don't agree he's being exploited but he keeps going missing overnight and coming back with money", ['mash']],
    ['a 12 year old came back this morning after being out all night, says she was with some older men in a car', ['mash']],
    ["boy said his mum burned his hand on the cooker as a punishment in the summer holidays, it's healed and he seems fine now", ['mash']],
    ["last weekend police were called to the flat after mum's partner hit her, the kids were there, he's been bailed away from the address", ['mash']],
    ["a 15 year old says she was assaulted at a party a few months ago and never told anyone; she's not in contact with the boy now", ['mash']],
    ["a 9 year old girl is anxious about being taken to her parents' country over the summer where 'the women will make her pure'", ['mash']],
    ['dad has been in a bad way since losing his job, drinks all day, and the children are missing school and arriving dirty', ['mash']],
    ["parents don't accept there's anything wrong but their 3 year old has bruises on his ears and cheeks again", ['mash']],
    // A family that won't open the door to professionals: no child heard or seen in trouble behind it.
    ["the family haven't been answering the door to the health visitor for a month and the baby has missed her checks", ['mash']],
    // A handover that is over ("collected her as usual") is no reason for 999.
    ['the 5 year old acted out something sexual at nursery today and said grandad showed her; dad collected her as usual at 3', ['mash']],
  ] as Array<[string, string[]]>)('%s', expectRoutesFirst);
});

// Questions about the arrangements, asked through the whole engine: its triage also learns from the
// knowledge base's own questions what a question (not a case) looks like.
describe('no route', () => {
  const engine = createAnswerEngine(kb);
  it.each([
    ['where can I find the City and Hackney escalation policy?', []],
    ['who sits on the Harrow safeguarding partnership executive?', []],
    ['who is responsible for the child death overview panel in Harrow?', []],
    ["what happens if the national panel disagrees with a local review's decision?", []],
    ["how soon should children's social care acknowledge a referral?", []],
    ["what happens if a partner agency doesn't turn up to the safeguarding partnership meetings?", []],
    ['can you explain the threshold document levels?', []],
    ['who do I contact in Hackney to book multi-agency training?', []],
    ['how many serious case reviews did Harrow publish in 2019?', []],
    ['what is the role of the designated safeguarding lead?', []],
    ['how long does a serious incident notification take?', []],
  ] as Array<[string, string[]]>)('%s', (q, routes) => {
    expect(engine.answer(q).routes ?? []).toEqual(routes);
  });
});

// An injury dated "last week" further from its sign, nothing live since: not 999 today.
describe('harm dated last week is not 999 today', () => {
  it.each([
    ['a 2 year old stopped breathing in the cot room at our nursery last week while staff were on a break and now has brain damage'],
    ['a year 4 boy was choked by older boys behind the sports hall last week, his neck is bruised'],
    // A door nobody answers when the writer visits, as a pattern.
    ['education welfare: whenever I visit nobody answers and neighbours say the two children are often left on their own'],
  ])('%s', (message) => {
    expect(triage.triage(message).routes[0]).not.toBe('emergency');
  });
});

// Eighteenth fresh set's kinds, in our words: somewhere high with a goodbye; drink in other words;
// a hand on a leg and a "secret"; nobody ringing back; the time a worker was told is not the time
// of the harm; a pattern of nights alone is a referral, not 999 on its own.
describe('eighteenth round kinds', () => {
  it.each([
    ['a 16 year old on my caseload has just messaged me a picture taken from the top of the multi storey car park', ['emergency']],
    ["she texted her sister 'love you all' and her phone shows her by the railway bridge", ['emergency']],
    ['the childminder was intoxicated when the parents arrived to collect their little ones', ['lado']],
    ['a supply teacher put his hand on a year 6 girl’s knee during reading and told her it was their secret', ['lado']],
    ['I referred a 9 year old to CSC three weeks ago about the bruises and nobody has called me back', ['escalation']],
    [
      'dad has turned up at after school club clearly intoxicated and says he is driving the twins home, mum told us last week there is an injunction against him',
      ['emergency'],
    ],
    ['the two little ones next door seem to be on their own most nights until gone eleven', ['mash']],
    // A package carried for older boys is exploitation; a care package and a private tutor are not signs.
    ['yr 8 lad says he gets £50 a time for carrying packages for some older boys on the estate', ['mash']],
    ['how do I get a care package sorted for my dad after his stroke?', []],
    // What a document says is no one reporting anything, by the rules or by a reading.
    ["what does the 2009 action plan say on escalation where professionals can't agree?", []],
    ['what did the London procedures say about escalation when agencies disagree?', []],
    // A death as people soften it (nineteenth fresh set's kind; our words).
    ["the 4 month old on a child protection plan didn't make it, police think she was shaken", ['panel']],
    ['the toddler from the children’s home could not be saved after the fall, staff had left the window open', ['panel']],
    // The twentieth set's two missed dangers, in our words: a child taken abroad tonight, not to come
    // back; a parent "off her face" about to drive ("driving him home now" is no harm that is over).
    ["dad just told the receptionist he's flying the twins to Pakistan tonight for good, their bags are already in the taxi", ['emergency']],
    ["dad's come for the twins and hes driving them home now, he stinks of booze and is swaying", ['emergency']],
    ['mum turned up to collect the toddler off her face, car keys in hand, says she is driving him home', ['emergency']],
    // A holiday abroad, and a parent "off his face" who is not with the children, are not 999.
    ["we're taking the kids to Poland in the summer holidays for a wedding", []],
  ] as Array<[string, string[]]>)('%s', expectRoutesFirst);
});
