"""The audiences a survey can be written for."""

VARIANTS = ("primary", "secondary", "post16", "parent", "professional")
YOUNG = ("primary", "secondary", "post16")
ITEM_TYPES = ("scale", "single", "multi", "yesno", "text", "top3", "ballot", "number", "date")
CHOICE_TYPES = ("single", "multi", "top3", "ballot")
SCALES = ("agree", "satisfied")
PROFILES = ("year_group", "age", "school", "area", "priority_groups", "gender", "ethnicity")
TOP_CHOICES = 3
# A ballot is "choose one", or with `rank: N` "rank up to N" (2 to MAX_RANK) of its options.
MAX_RANK = 5
# Who answers each variant: the three audiences results compare side by side.
AUDIENCES = {"primary": "young", "secondary": "young", "post16": "young",
             "parent": "parent", "professional": "professional"}
AUDIENCE_ORDER = ("young", "parent", "professional")
# The school phases each young audience goes to, for "which school do you go to?". Special
# schools take every age; sixth forms are in secondary and all-through schools. Parents and
# professionals may name any school.
SCHOOL_PHASES = {"primary": ("primary", "all-through", "special"),
                 "secondary": ("secondary", "all-through", "special"),
                 "post16": ("college", "secondary", "all-through", "special")}
