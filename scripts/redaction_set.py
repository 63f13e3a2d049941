"""Build the labelled redaction sets (dev and blind) from paraphrased comment shapes.

Each shape is a comment written the way children and teenagers write in surveys and on help
forums (lower case, no full stops, text-speak), paraphrased from the sources named beside it,
never more than six words in a row copied. Slots take personal details from pools; every
filled slot is labelled. Sources are split between the sets, so the blind set judges wording
the redactor was not designed on. Run once to write the files; they are then frozen:

    python scripts/redaction_set.py
"""
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "engage/analysis/data/redaction"

SOURCES = {
    "topicalteaching": "https://topicalteaching.com/tag/cyber-bullying/page/5 (gossip pages naming pupils)",
    "waukesha": "https://www.alliancewaukesha.org/index.php/tag/sel/ (chair kicked in class, teacher not acting)",
    "primaryplanet": "https://www.theprimaryplanet.ie/surveys/have-your-say/a-problem-shared-snapchat-prob/ (a pupil's Snapchat problem)",
    "stpaul": "https://www.stpaul.k12.or.us/o/spsd/page/screenagers (a friend's Snapchat story)",
    "citizenship": "http://blog.citizenshipfoundation.org.uk/2008/06/24/are-young-peoples-voices-truly-being-heard/ (sets, mentoring, careers)",
    "pupilvoice": "http://www.pupilvoicewales.org.uk/primary/get-involved/having-a-voice/ (school council, leisure ideas)",
    "girlfriend": "https://www.girlfriend.com.au/life-advice/what-your-besties-instagram-posts-might-be-telling-you/ (a friend's Insta posts)",
    "mudcat": "https://mudcat.org/detail_pf.cfm?messages__Message_ID=2755093 (schoolyard and bus bullying)",
}
DEV_SOURCES = ("topicalteaching", "waukesha", "primaryplanet", "stpaul")

SHAPES = {
    "topicalteaching": [
        "someone made a page about {first} and everyone in {form} shares it",
        "{full} posted lies about me online and now nobody talks to me",
        "people keep sending stuff about {first} on the group chat its not fair",
        "my sisters friend {first} got called names on a page and {staff} did nothing",
        "there is a gossip account {handle} that posts about year 8 girls",
        "i got added to a group called {form} losers by {first}",
        "{full} from {form} says horrible things about my mum",
        "we need the school to stop pages like {handle} they are really mean",
        "my friend {first} had to move school because of what people posted",
        "if you want to talk to me my email is {email}",
        "the wifi is rubbish and the computers in the library are so slow",
        "i think the school should teach us how to stay safe online",
        "Facebook and Instagram pages about pupils should be banned",
        "I really like Art and Music but Maths is Stupid",
        "more clubs after school please like coding and drama",
    ],
    "waukesha": [
        "{first} kicks my chair every lesson and {staff} never notices",
        "in {form} the boys laugh at me and {staff} just looks at the board",
        "{full} keeps hitting me in the corridor",
        "me and {first} sit at the back and get blamed for everything",
        "i told {staff} about {first} but nothing happened",
        "{staff} is the best teacher she always listens",
        "i wish {staff} would move me away from {first}",
        "ring my mum on {phone} she knows whats going on",
        "call me on {phone} after school",
        "this is Stupid why do we have to do this survey",
        "the teachers should watch the back of the classroom more",
        "i feel Happy at school most days",
        "lunch queue is way too long and the food is Cold",
        "Will there be more trips this year",
        "I hope we get a new playground",
    ],
    "primaryplanet": [
        "a girl called {first} keeps taking snaps of me without asking",
        "{first} put a picture of me on snap and everyone laughed",
        "add me on snap {handle} if you want to know more",
        "my snapchat is {handle}",
        "i blocked {full} on snapchat but she made a new account",
        "my teacher {staff} said to tell a grown up",
        "i live at {address} and people wait outside my house",
        "my address is {address} {postcode}",
        "the older kids near {address} are scary",
        "text me {phone}",
        "Safer Internet Day was really good we learned a lot",
        "we should have more lessons about phones and apps",
        "I like Snapchat but sometimes it makes me Sad",
        "Saturday clubs at the leisure centre are the best",
        "my Mum says the park is not safe after dark",
    ],
    "stpaul": [
        "my friend {first} said on her story that she cant get out of bed",
        "{full} told me she feels depressed all the time",
        "i talk to {first} every night on facetime",
        "my best friend is {full} and she is really down",
        "you can reach me at {email} or {phone}",
        "my mums number is {phone}",
        "{first} in {form} needs help but wont tell anyone",
        "i told {staff} my friend was sad and she helped",
        "my name is {first} and i am in {form}",
        "im {first} from {form}",
        "people post sad stuff on their story and nobody does anything",
        "we should have someone to talk to at lunch time",
        "Mental health is really Important to young people",
        "I May not finish this survey because the bell is going",
        "Grace and Hope are the names of our houses at school",
    ],
    "citizenship": [
        "being in {form} is rubbish because {staff} gives us the hardest work",
        "sets in {form} make people feel thick",
        "{first} helped me in peer mentoring and it was really good",
        "my mentor {full} was amazing",
        "i want to do an apprenticeship but {staff} says i should go to uni",
        "ask {staff} in {form} she runs careers",
        "my name is {full} and i want to be a vet",
        "email me at {email} about the youth council",
        "my number is {phone} if you need more ideas",
        "{first} and me want a careers fair",
        "Careers advice at our school is Rubbish",
        "Citizenship lessons should be every week",
        "Year 9 is really hard this term",
        "uni fees are too much for my family",
        "the Youth Council should visit every school",
    ],
    "pupilvoice": [
        "our school council rep is {first} and she never asks us",
        "{full} is on the council and does nothing",
        "i told {staff} we want a suggestion box",
        "{first} from {form} wants a skate park",
        "we live on {address} and there is nothing to do",
        "the park near {address} needs new swings",
        "you can write to me at {address} {postcode}",
        "my dads phone is {phone}",
        "i am {first} and i like football",
        "my insta is {handle}",
        "I would like a Swimming pool in our town",
        "more things to do on Sunday please",
        "The School Council should have a vote on the uniform",
        "Mark my words nobody will read this",
        "PE is Brilliant but the changing rooms smell",
    ],
    "girlfriend": [
        "my bestie {first} stopped posting on insta after someone trolled her",
        "someone called {handle} keeps commenting mean stuff on my pics",
        "{full} only posts skinny model pics now and i am worried",
        "follow me {handle}",
        "{first} said i look ugly in my selfie",
        "dm me on insta {handle}",
        "i told {staff} about the comments",
        "{first} from {form} made a fake account of me",
        "my email is {email} if you want to ask me stuff",
        "contact me {phone}",
        "Instagram makes me feel Ugly sometimes",
        "we need help with social media at school",
        "I Love TikTok dances but some people are mean",
        "Summer holidays are too long and boring",
        "Holly bushes outside our classroom scratch us",
    ],
    "mudcat": [
        "{first} and his mates pick on me on the bus every day",
        "the bus driver never stops {full} pushing the little kids",
        "{staff} says we are making it up",
        "{first} in {form} takes my lunch money",
        "{full} threatened to get me after school",
        "i get called names because i am overweight by {first}",
        "{staff} and {staff2} never do duty on the field",
        "my mum rang {staff} but nothing changed",
        "call my nan on {phone} she looks after me",
        "i live on {address} near the shop",
        "the bus is packed and the older ones push",
        "teachers should do more about bullying",
        "Lunch time is the Worst part of the day",
        "Bill paying is hard for my mum since she lost her job",
        "I want to feel Safe on the school bus",
    ],
}

POOLS = {
    "dev": {
        "first": ["Jake", "Chloe", "Mohammed", "Ellie", "Kyle", "jess", "Tyler", "Amelia", "Liam", "sophie",
                  "Priya", "Connor", "Aisha", "Ben", "Lily", "Zac", "Olivia", "harry"],
        "last": ["Smith", "Jones", "Khan", "Taylor", "Brown", "Wilson", "Patel", "Walker", "Hughes", "Evans"],
        "form": ["8B", "10X2", "Year 9 set 3", "7RG", "9C", "class 4B", "form 11H", "year 10 set 2"],
        "staff": ["Mr Patel", "mrs green", "Miss Hughes", "Ms Okafor", "Mr. Brown", "miss taylor", "Mrs Clarke",
                  "sir Davies"],
        "phone": ["07700 900123", "07700900123", "+44 7700 900123", "+447700900456", "0161 496 0123",
                  "(0161) 4960789", "07700-900-321", "+48 601 234 567", "020 7946 0018", "0117 496 0555"],
        "email": ["jakeyboy11@gmail.com", "chloe.m2010@hotmail.co.uk", "kylez@outlook.com", "amz_x@yahoo.com"],
        "address": ["14 Acacia Avenue, Twickenham", "22 mill lane", "5 Oak Close", "flat 3, 40 Station Road",
                    "27 Church Street", "9 elm grove"],
        "postcode": ["TW1 3AA", "m14 5rt", "B15 2TT", "LS6 1AB"],
        "handle": ["@jojo_2011", "@kylez.b", "jojo_2011", "@amz.dancer", "tyler_xo_09"],
    },
    "blind": {
        "first": ["Kacper", "Zainab", "Ruby", "Callum", "maisie", "Oluwaseun", "Freddie", "Isla", "Darius", "megan",
                  "Noah", "Fatima", "Alfie", "Grace", "Leo", "Hannah", "Ibrahim", "poppy"],
        "last": ["Nowak", "Ahmed", "Roberts", "Murphy", "Davies", "Thompson", "Begum", "Wright", "Green", "Hall"],
        "form": ["10Y1", "8A", "Year 8 set 1", "11PK", "7H", "class 5C", "form 9S", "year 11 set 4"],
        "staff": ["Mrs Begum", "mr jones", "Miss Okoro", "Mr Singh", "Ms. Reid", "mrs hall", "Miss Wright",
                  "Mr Thompson"],
        "phone": ["07911 123456", "07911123456", "+44 7911 123456", "+447700900999", "0121 496 0000",
                  "(020) 79460123", "07911-123-654", "+48 512 345 678", "01632 960961", "0113 496 0777"],
        "email": ["ruby.r@icloud.com", "callum2009@gmail.com", "zainab_x@live.co.uk", "freddiefc@btinternet.com"],
        "address": ["3 Meadow Way, Harrow", "61 park road", "12 Willow Crescent", "flat 8, 2 Queens Court",
                    "88 High Street", "17 the green"],
        "postcode": ["HA1 2XY", "e17 4qp", "NG7 2RD", "CF10 3AT"],
        "handle": ["@rubyxoxo", "@callum.fc", "isla_dance_10", "@poppy.smiles", "zainab.x"],
    },
}
SLOTS = ("full", "first", "form", "staff2", "staff", "phone", "email", "address", "postcode", "handle")


def _fill(shape: str, pool: dict, rng: random.Random) -> tuple[str, list[str]]:
    values = {"first": rng.choice(pool["first"]), "form": rng.choice(pool["form"]),
              "staff": rng.choice(pool["staff"]), "phone": rng.choice(pool["phone"]),
              "email": rng.choice(pool["email"]), "address": rng.choice(pool["address"]),
              "postcode": rng.choice(pool["postcode"]), "handle": rng.choice(pool["handle"])}
    values["full"] = f"{rng.choice(pool['first']).capitalize()} {rng.choice(pool['last'])}"
    values["staff2"] = rng.choice([s for s in pool["staff"] if s != values["staff"]])
    pii = [values[slot] for slot in SLOTS if "{" + slot + "}" in shape]
    return shape.format(**values), pii


def build(split: str, seed: int, repeats: int) -> list[dict]:
    """Fill every shape of the split's sources `repeats` times (shapes without slots once)."""
    rng, rows, seen = random.Random(seed), [], set()
    sources = [s for s in SHAPES if (s in DEV_SOURCES) == (split == "dev")]
    for source in sources:
        for shape in SHAPES[source]:
            for _ in range(repeats if "{" in shape else 1):
                text, pii = _fill(shape, POOLS[split], rng)
                if text in seen:
                    continue
                seen.add(text)
                rows.append({"text": text, "pii": pii, "source_id": source, "source": SOURCES[source]})
    return rows


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for split, seed in (("dev", 11), ("blind", 29)):
        rows = build(split, seed, repeats=4)
        (OUT / f"{split}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        print(split, len(rows), "comments,", sum(len(r["pii"]) for r in rows), "personal details")
