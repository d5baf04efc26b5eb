/**
 * How an automatic rule judges listings in one leaf category:
 * - `keyword`: a distinctive keyword ("tent", "tripod"); few misses, some false accepts.
 * - `permissive`: the keyword also matches what gets misfiled there ("case", "cable"), so
 *   the rule accepts nearly everything, right or wrong.
 * - `strict`: the rule rejects whatever it cannot parse (sizes, variants, bundles), so it
 *   wrongly rejects many correct listings but rarely accepts a wrong one.
 */
export type RuleKind = 'keyword' | 'permissive' | 'strict';

/** A leaf (level 3) category of the example catalogue. */
export interface LeafCategory {
  /** Unique across the whole taxonomy, so level-3 nodes of a Sankey never merge. */
  readonly name: string;
  /** Relative size: the expected share of products is weight / (sum of all weights). */
  readonly weight: number;
  /** Probability that a product listed here really belongs elsewhere (is misfiled). */
  readonly misfile: number;
  /** How the automatic rule source behaves here. */
  readonly rule: RuleKind;
  /** Product nouns for titles of products that really belong here. */
  readonly nouns: readonly string[];
  /** Leaves whose products get misfiled here most often (default: the siblings). */
  readonly near?: readonly string[];
}

/** A level-2 category. */
export interface MidCategory {
  readonly name: string;
  readonly children: readonly LeafCategory[];
}

/** A level-1 department, with the weights (expert, crowd, rule) of who labels its products. */
export interface Department {
  readonly name: string;
  /** Integer weights for choosing the label source of a product: `[expert, crowd, rule]`. */
  readonly sourceWeights: readonly [number, number, number];
  readonly brands: readonly string[];
  readonly children: readonly MidCategory[];
}

const leaf = (
  name: string,
  weight: number,
  misfile: number,
  rule: RuleKind,
  nouns: readonly string[],
  near?: readonly string[],
): LeafCategory => (near ? { name, weight, misfile, rule, nouns, near } : { name, weight, misfile, rule, nouns });

/**
 * The three-level product taxonomy of the example catalogue, department → category →
 * subcategory. Weights are skewed on purpose, like a real shop: a few huge leaves (phone
 * cases, tops, headphones), a long tail of tiny ones (turntables, bikes, typewriters).
 * Misfile rates are high where products are easy to confuse (earbuds vs headphones, phone
 * cases vs chargers, fitness trackers vs smartwatches) and low where they are not.
 */
export const TAXONOMY: readonly Department[] = [
  {
    name: 'Electronics',
    sourceWeights: [2, 3, 5],
    brands: ['Auralis', 'Voltmark', 'Nexora', 'Kinetiq', 'Lumio', 'Pixelon'],
    children: [
      {
        name: 'Audio',
        children: [
          leaf(
            'Headphones',
            120,
            0.12,
            'keyword',
            ['over-ear headphones', 'studio headphones', 'wireless headphones'],
            ['Earbuds'],
          ),
          leaf(
            'Earbuds',
            90,
            0.25,
            'permissive',
            ['true wireless earbuds', 'sport earbuds', 'noise-cancelling earbuds'],
            ['Headphones', 'Phone Cases'],
          ),
          leaf('Speakers', 60, 0.06, 'keyword', ['bluetooth speaker', 'bookshelf speakers', 'party speaker']),
          leaf('Soundbars', 20, 0.05, 'keyword', ['soundbar', 'soundbar with subwoofer']),
          leaf('Turntables', 6, 0.04, 'keyword', ['turntable', 'belt-drive record player']),
        ],
      },
      {
        name: 'Computers',
        children: [
          leaf('Laptops', 80, 0.05, 'keyword', ['ultrabook', 'gaming laptop', '14-inch laptop']),
          leaf('Monitors', 40, 0.06, 'keyword', ['27-inch monitor', 'curved monitor', '4K monitor']),
          leaf('Keyboards', 35, 0.08, 'keyword', ['mechanical keyboard', 'wireless keyboard']),
          leaf('Mice', 30, 0.08, 'keyword', ['wireless mouse', 'gaming mouse', 'vertical mouse']),
          leaf(
            'Cables & Adapters',
            70,
            0.3,
            'permissive',
            ['USB-C cable', 'HDMI adapter', 'DisplayPort cable'],
            ['Chargers', 'Phone Cases', 'Streaming Devices'],
          ),
          leaf('Typewriters', 2, 0.1, 'keyword', ['manual typewriter']),
        ],
      },
      {
        name: 'Phones & Tablets',
        children: [
          leaf('Smartphones', 70, 0.04, 'keyword', ['smartphone', '5G smartphone', 'rugged phone']),
          leaf(
            'Phone Cases',
            110,
            0.3,
            'permissive',
            ['silicone phone case', 'wallet phone case', 'clear bumper case'],
            ['Chargers', 'Cables & Adapters', 'Bags'],
          ),
          leaf(
            'Chargers',
            60,
            0.22,
            'permissive',
            ['fast charger', 'wireless charging pad', 'power bank'],
            ['Cables & Adapters', 'Phone Cases'],
          ),
          leaf('Tablets', 25, 0.05, 'keyword', ['10-inch tablet', 'drawing tablet']),
          leaf('Smartwatches', 30, 0.2, 'keyword', ['smartwatch', 'GPS smartwatch'], ['Fitness Trackers', 'Watches']),
        ],
      },
      {
        name: 'Cameras',
        children: [
          leaf('Digital Cameras', 12, 0.05, 'keyword', ['mirrorless camera', 'compact camera']),
          leaf('Lenses', 10, 0.08, 'keyword', ['50mm prime lens', 'zoom lens']),
          leaf('Tripods', 6, 0.1, 'keyword', ['travel tripod', 'phone tripod']),
          leaf('Drones', 8, 0.06, 'keyword', ['camera drone', 'mini drone'], ['Remote Control Toys']),
        ],
      },
      {
        name: 'TV & Video',
        children: [
          leaf('Televisions', 30, 0.03, 'keyword', ['55-inch OLED TV', '43-inch smart TV']),
          leaf('Projectors', 8, 0.05, 'keyword', ['home cinema projector', 'mini projector']),
          leaf(
            'Streaming Devices',
            15,
            0.15,
            'keyword',
            ['streaming stick', 'media player box'],
            ['Cables & Adapters'],
          ),
        ],
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    sourceWeights: [1, 4, 5],
    brands: ['Hearthly', 'Casalta', 'Nordvik', 'Bramble & Co', 'Oakhaven'],
    children: [
      {
        name: 'Kitchen',
        children: [
          leaf('Cookware', 60, 0.05, 'keyword', ['non-stick frying pan', 'cast-iron casserole', 'saucepan set']),
          leaf('Knives', 25, 0.04, 'keyword', ["chef's knife", 'knife block set']),
          leaf(
            'Small Appliances',
            55,
            0.18,
            'strict',
            ['blender', 'toaster', 'air fryer', 'kettle'],
            ['Coffee Makers', 'Hair Dryers'],
          ),
          leaf(
            'Coffee Makers',
            30,
            0.1,
            'keyword',
            ['espresso machine', 'drip coffee maker', 'moka pot'],
            ['Small Appliances'],
          ),
          leaf('Food Storage', 40, 0.06, 'keyword', ['glass food containers', 'vacuum sealer bags']),
        ],
      },
      {
        name: 'Furniture',
        children: [
          leaf('Sofas', 10, 0.03, 'keyword', ['three-seater sofa', 'sofa bed']),
          leaf('Desks', 15, 0.05, 'keyword', ['standing desk', 'writing desk']),
          leaf('Chairs', 25, 0.08, 'keyword', ['office chair', 'dining chair'], ['Desks']),
          leaf('Shelving', 20, 0.05, 'keyword', ['bookcase', 'wall shelf']),
        ],
      },
      {
        name: 'Bedding',
        children: [
          leaf('Sheets', 35, 0.06, 'strict', ['cotton sheet set', 'fitted sheet']),
          leaf('Pillows', 30, 0.05, 'keyword', ['memory foam pillow', 'down pillow']),
          leaf('Duvets', 15, 0.05, 'keyword', ['all-season duvet', 'wool duvet']),
        ],
      },
      {
        name: 'Lighting',
        children: [
          leaf('Lamps', 30, 0.06, 'keyword', ['desk lamp', 'floor lamp']),
          leaf('Bulbs', 25, 0.04, 'keyword', ['LED bulb pack', 'smart bulb']),
          leaf('String Lights', 12, 0.1, 'keyword', ['fairy lights', 'outdoor string lights'], ['Bike Lights']),
        ],
      },
    ],
  },
  {
    name: 'Fashion',
    sourceWeights: [1, 5, 4],
    brands: ['Maren', 'Velour Lane', 'Kestrel', 'Ondine', 'Harlow & Finch', 'Tessuto'],
    children: [
      {
        name: "Women's Clothing",
        children: [
          leaf('Dresses', 70, 0.08, 'strict', ['wrap dress', 'linen midi dress', 'evening dress']),
          leaf('Tops', 80, 0.12, 'strict', ['silk blouse', 'ribbed tank top', 'oversized T-shirt'], ['Shirts']),
          leaf("Women's Jeans", 40, 0.1, 'strict', ['high-rise jeans', 'straight-leg jeans'], ["Men's Jeans"]),
        ],
      },
      {
        name: "Men's Clothing",
        children: [
          leaf('Shirts', 50, 0.12, 'strict', ['oxford shirt', 'flannel shirt', 'polo shirt'], ['Tops']),
          leaf("Men's Jeans", 30, 0.1, 'strict', ['slim-fit jeans', 'selvedge jeans'], ["Women's Jeans"]),
          leaf('Suits', 8, 0.05, 'keyword', ['two-piece suit', 'wool blazer']),
        ],
      },
      {
        name: 'Shoes',
        children: [
          leaf('Sneakers', 60, 0.08, 'keyword', ['running sneakers', 'canvas sneakers', 'high-top sneakers']),
          leaf('Boots', 30, 0.06, 'keyword', ['chelsea boots', 'hiking boots']),
          leaf('Sandals', 20, 0.06, 'keyword', ['leather sandals', 'slides']),
        ],
      },
      {
        name: 'Accessories',
        children: [
          leaf('Watches', 25, 0.2, 'keyword', ['automatic watch', 'quartz watch'], ['Smartwatches']),
          leaf('Sunglasses', 20, 0.05, 'keyword', ['polarised sunglasses', 'aviator sunglasses']),
          leaf(
            'Bags',
            40,
            0.15,
            'permissive',
            ['leather tote bag', 'backpack', 'crossbody bag'],
            ['Phone Cases', 'Sleeping Bags'],
          ),
          leaf('Jewellery', 30, 0.05, 'keyword', ['silver necklace', 'gold hoop earrings']),
        ],
      },
    ],
  },
  {
    name: 'Books',
    sourceWeights: [1, 2, 7],
    brands: ['Larkspur Press', 'Northgate Books', 'Quillon', 'Red Kite Publishing'],
    children: [
      {
        name: 'Fiction',
        children: [
          leaf(
            'Crime & Thrillers',
            40,
            0.1,
            'strict',
            ['detective novel', 'psychological thriller'],
            ['Literary Fiction'],
          ),
          leaf('Science Fiction', 25, 0.08, 'strict', ['space opera', 'dystopian novel']),
          leaf('Romance Novels', 30, 0.08, 'strict', ['historical romance', 'romantic comedy novel']),
          leaf(
            'Literary Fiction',
            20,
            0.15,
            'strict',
            ['literary novel', 'short story collection'],
            ['Crime & Thrillers', 'Romance Novels'],
          ),
        ],
      },
      {
        name: 'Non-fiction',
        children: [
          leaf('Biography', 15, 0.08, 'strict', ['biography', 'memoir'], ['History']),
          leaf('History', 15, 0.08, 'strict', ['history of Rome', 'world war history'], ['Biography']),
          leaf('Cookbooks', 20, 0.04, 'keyword', ['vegetarian cookbook', 'baking book']),
          leaf('Self-help', 18, 0.06, 'keyword', ['productivity guide', 'mindfulness book']),
        ],
      },
      {
        name: "Children's Books",
        children: [
          leaf('Picture Books', 20, 0.05, 'keyword', ['picture book', 'board book']),
          leaf('Young Adult', 15, 0.12, 'strict', ['young adult fantasy', 'coming-of-age novel'], ['Science Fiction']),
        ],
      },
    ],
  },
  {
    name: 'Sports & Outdoors',
    sourceWeights: [1, 4, 5],
    brands: ['Summitra', 'Trailwise', 'Peakform', 'Ridgeline'],
    children: [
      {
        name: 'Fitness',
        children: [
          leaf('Yoga Mats', 20, 0.04, 'keyword', ['non-slip yoga mat', 'travel yoga mat']),
          leaf('Dumbbells', 15, 0.04, 'keyword', ['adjustable dumbbells', 'kettlebell']),
          leaf(
            'Fitness Trackers',
            25,
            0.28,
            'permissive',
            ['fitness tracker band', 'heart-rate monitor'],
            ['Smartwatches', 'Watches'],
          ),
        ],
      },
      {
        name: 'Camping',
        children: [
          leaf('Tents', 12, 0.04, 'keyword', ['two-person tent', 'family tent']),
          leaf('Sleeping Bags', 10, 0.06, 'keyword', ['down sleeping bag', 'three-season sleeping bag']),
          leaf('Headlamps', 8, 0.1, 'keyword', ['rechargeable headlamp'], ['Bike Lights']),
        ],
      },
      {
        name: 'Cycling',
        children: [
          leaf('Bikes', 6, 0.04, 'keyword', ['gravel bike', 'city bike']),
          leaf('Helmets', 10, 0.05, 'keyword', ['road helmet', 'commuter helmet']),
          leaf('Bike Lights', 8, 0.15, 'keyword', ['USB bike light set', 'rear bike light'], ['Headlamps']),
        ],
      },
    ],
  },
  {
    name: 'Toys & Games',
    sourceWeights: [1, 4, 5],
    brands: ['Tumbleweed', 'Brightbox', 'Kitoko', 'Marbleworks'],
    children: [
      {
        name: 'Games',
        children: [
          leaf('Board Games', 25, 0.06, 'keyword', ['strategy board game', 'family board game']),
          leaf('Puzzles', 15, 0.05, 'keyword', ['1000-piece puzzle', '3D puzzle']),
          leaf('Card Games', 12, 0.08, 'keyword', ['party card game', 'trading card starter deck']),
        ],
      },
      {
        name: 'Toys',
        children: [
          leaf('Building Sets', 30, 0.05, 'keyword', ['brick building set', 'magnetic tiles']),
          leaf('Dolls', 15, 0.05, 'keyword', ['fashion doll', 'rag doll']),
          leaf('Action Figures', 15, 0.06, 'keyword', ['superhero action figure', 'collectible figure']),
          leaf('Remote Control Toys', 12, 0.2, 'permissive', ['RC car', 'RC helicopter'], ['Drones']),
        ],
      },
    ],
  },
  {
    name: 'Beauty & Health',
    sourceWeights: [1, 4, 5],
    brands: ['Solenne', 'Purevale', 'Aquamira', 'Botanika'],
    children: [
      {
        name: 'Skincare',
        children: [
          leaf('Moisturisers', 30, 0.05, 'keyword', ['day cream', 'hydrating gel']),
          leaf('Cleansers', 20, 0.05, 'keyword', ['foaming cleanser', 'micellar water']),
          leaf('Sunscreen', 15, 0.04, 'keyword', ['SPF 50 sunscreen', 'mineral sunscreen']),
        ],
      },
      {
        name: 'Hair Care',
        children: [
          leaf('Shampoo', 25, 0.04, 'keyword', ['volumising shampoo', 'anti-dandruff shampoo']),
          leaf('Hair Dryers', 12, 0.18, 'keyword', ['ionic hair dryer', 'travel hair dryer'], ['Small Appliances']),
        ],
      },
      {
        name: 'Personal Care',
        children: [
          leaf('Electric Toothbrushes', 15, 0.08, 'keyword', ['sonic toothbrush', 'electric toothbrush']),
          leaf('Shavers', 12, 0.08, 'keyword', ['foil shaver', 'beard trimmer']),
        ],
      },
    ],
  },
];
