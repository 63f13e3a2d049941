"""Resume codes: four short, common words that a child can read, copy down and type back."""
import re
import secrets

# 682 short, concrete words a primary-age child can read and spell: at most three
# syllables, no silent letters or tricky spellings, nothing frightening. Four of them give
# 682**4 (about 2.2 x 10**11) codes; guesses are rate-limited on every server and a code
# expires, so this is far beyond reach, while staying easy to copy down.
WORDS = tuple("""
acorn alley amber ant anvil apple apron arch arm arrow attic baby bacon badge badger bag bagel
baker ball balloon bamboo banana band banjo bank banner barn barrel basket bat bath bay beach
bead beak bean bear beard beaver bed bee beetle bell belt bench berry bike bird blanket blimp
blossom blue boat bone bonfire bonnet book boot bottle bow bowl box bracket branch bread brick
bridge brook broom brown brownie brush bubble bucket buckle bugle bun bunny burger bus bush
butter button buzz cabbage cabin cable cactus cake camel camp can canal candle candy canoe
canvas cap cape car caramel card carpet carrot cart castle cat cave cedar chair chalk cheek
cheese cherry chess chest chick chin chip circle city clam clay cliff clock cloud clover clown
coast coat cobweb cocoa coconut coin collar comet compass cone cook cookie copper coral cord
cork corn cotton couch cow crab cradle crane crate crayon creek cricket crown crust cube cup
cupcake curtain cushion custard cycle daffodil daisy dancer dart deer den denim desk diamond
diary dice dinner disc dish diver dog doll dolphin donkey door doorbell dot dove dragon drawer
dream dress drum duck dune eagle eel egg elbow elf elk ember emu engine fairy falcon fan farm
feather feet fence fern ferret ferry fiddle field fig finch finger fish flag flame flower flute
fly foam fog forest fork fossil fountain fox frame fridge frog frost fudge garden gate gecko gem
gift ginger girl glass glider globe glove glue goal goat goblet gold goose grape grass gravel
gravy grey grill gull hammer hamster handle harp hat hay heart hedge hedgehog helmet hen hero
heron hill hippo hive holly honey hoop horn horse hose hotel house hut iceberg icicle igloo ink
ivy jacket jam jar jasmine jeans jelly jet jewel jigsaw jug juice jungle kayak kernel kettle key
king kitchen kite kitten kiwi koala label lace ladder ladle ladybird lake lamp lane lantern lawn
leaf lemon leopard letter lettuce lily lime linen lion lizard llama lobster lock locket log
lolly lotus lunch magnet magpie mango map maple marble marsh mask mast meadow medal meerkat
melon mermaid metal milk mint mirror mitten mixer mole monkey moon moose moss moth motor
mountain mouse mud muffin mug mushroom music nail napkin nectar nest net nickel noodle north
nose notebook nut oak oar oatmeal ocean olive orange orbit ostrich otter oven owl owlet paddle
page paint palace pan pancake panda panther paper parcel park parrot parsnip pasta pastry path
pea peach peanut pear pearl pebble pedal pelican pen pencil penguin pepper petal photo piano
pickle picnic pie pig piglet pillow pilot pin pine pinecone pipe pixie pizza planet plank plant
plate plum pocket poem pollen pond pony popcorn poppy porch poster pot potato prince pudding
puddle puffin pulley pumpkin puppet puppy puzzle quail queen quilt quiz rabbit racket radio
radish raft rain rainbow raisin rake ranch raven record reef reindeer rhino ribbon riddle rider
ring river road robin robot rock rocket roof rooster rope rose rugby ruler sack saddle sail
sailor salad salt sand sandal sandwich sauce saucer scales scarf school scooter sea seagull seal
season seed shadow shark sheep shelf shell ship shirt shoe shovel silver singer sink skate skirt
sky sled sleet slipper slope smile snack snail snake snow sock soda sofa soil soup south spade
spark sparkle sparrow spider spire sponge spoon spring sprout squid squirrel stable stage stair
stamp star statue steam stick stone stool stork storm story straw stream stripe sugar summer sun
sunset supper swallow swan sweater swing syrup table tablet taco tadpole tail tap tea teacup
teapot teddy tennis tent thimble thunder ticket tide tiger timber toad toast toaster toe toffee
token tomato tooth torch tortoise toucan towel tower toy tractor trail train tray tree trolley
trophy trout truck trumpet tuba tulip tunnel turkey turnip turtle twig umbrella unicorn valley
van vanilla vase velvet vest village violet violin volcano waffle wagon wall wallet walnut
walrus wand water wave weasel web whale wheel willow window wing winner winter wizard wolf
wombat wool worm yak yarn yellow yogurt yoyo zebra zigzag zip zoo
""".split())
UNIQUE_WORDS = tuple(dict.fromkeys(WORDS))
WORDS_IN_CODE = 4
CODE_SEPARATOR = "-"


def new_resume_code() -> str:
    """Return four random words joined by dashes, e.g. "otter-maple-drum-kite"."""
    return CODE_SEPARATOR.join(secrets.choice(UNIQUE_WORDS) for _ in range(WORDS_IN_CODE))


def normalise_resume_code(code: str) -> str:
    """Accept spaces, commas, dots or capitals between the words."""
    words = re.findall(r"[a-z]+", code.lower())
    return CODE_SEPARATOR.join(words)
