"""Resume codes: three short, common words that a child can copy down and type back."""
import re
import secrets

# 313 short, concrete words a primary-age child can read and spell.
WORDS = tuple("""
ant apple arm baby bag ball band bank barn bat beach bean bear bed bee bell belt bench
bike bird boat bone book boot bowl box bread brick bridge brush bus bush cake camel camp
can cap car card carrot cat chair chalk cheese chick chin clock cloud coat coin comb cook
corn cow crab cup cake desk dog doll door dot dove drum duck eagle egg elf elk fan farm
feather fern fig fish flag flower fly fog fork fox frog gate gift girl glass glove goat
gold goose grape grass hat hen hill hippo horse house jam jar jelly kite kitten king knot
lamp leaf lemon lion lock log lolly map mask melon milk mint mitten mole moon moth mouse
mud mug nail nest net nose nut oak owl pan panda paper park path pea peach pear pen
penguin pig pin pipe pizza plant plate plum pond pony pot puppy queen rabbit rain ring
river road robin rock roof rope rose ruler sail salt sand scarf sea seal seed sheep shell
ship shoe sink sky snail snake snow sock sofa spoon star stick stone sun swan table tent
tiger toast toe tomato tooth towel tower toy train tree truck tulip turtle van vase wagon
wall web whale wheel wing wolf wool yak yarn zebra zoo acorn badge bath bead berry blue
brown candle cliff coral daisy dragon feet field forest frost gem grey hedge honey island
ivy jewel jungle kiwi lake lime magnet maple marble meadow mango nectar ocean olive orange
otter pearl pebble pepper pine planet pocket puddle quilt rainbow reef ribbon rocket sauce
shadow silver sleet spring stream sugar summer thunder tiger toffee valley velvet violet
waffle walnut water willow winter yellow yogurt button cactus cherry cookie cotton crayon
dolphin feather garden ginger hammer helmet jacket kettle ladder lantern lizard muffin
noodle parrot pickle pillow pumpkin puzzle rocket saddle salad sandal spider sponge
""".split())
UNIQUE_WORDS = tuple(dict.fromkeys(WORDS))
CODE_SEPARATOR = "-"


def new_resume_code() -> str:
    """Return three random words joined by dashes, e.g. "otter-maple-drum"."""
    return CODE_SEPARATOR.join(secrets.choice(UNIQUE_WORDS) for _ in range(3))


def normalise_resume_code(code: str) -> str:
    """Accept spaces, commas, dots or capitals between the words."""
    words = re.findall(r"[a-z]+", code.lower())
    return CODE_SEPARATOR.join(words)
