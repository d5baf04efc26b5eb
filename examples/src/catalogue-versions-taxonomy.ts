// The product types of the simulated product-type classifier (catalogue-versions.ts) and
// what each of its four versions gets right. Everything here is made up to reproduce the
// readings of Chaudhuri, "A Visual Technique to Analyze Flow of Information in a Machine
// Learning System" (2019, arXiv:1908.00754), Figs. 10 and 11: a version that splits one
// class into several, a version that merges several into one generic class, and per-class
// accuracy trends of every kind.

/** One version of the simulated classifier. */
export interface VersionSpec {
  /** Short id, unique: `V0` … `V3`. */
  readonly id: string;
  /** Display name for stage labels and legends. */
  readonly label: string;
  /** What changed in this version, in one sentence. */
  readonly note: string;
}

/** A product type: a class of the classifier (a leaf of the three-level taxonomy). */
export interface ProductType {
  /** Unique across the taxonomy. */
  readonly name: string;
  /** Relative size (integer): the expected share of items is weight / (sum of all weights). */
  readonly weight: number;
  /**
   * Accuracy (recall) of each version on this type, V0 … V3. The generator makes exactly
   * `round(accuracy × support)` of the type's items correct in each version, so the
   * observed per-class trend is the one written here (given ≥ 100 items per type).
   */
  readonly accuracy: readonly [number, number, number, number];
  /** Product nouns for titles. */
  readonly nouns: readonly string[];
  /** Types outside the own category that this one is often mistaken for (half of its errors). */
  readonly near?: readonly string[];
}

/** A level-2 category of product types. */
export interface TypeCategory {
  readonly name: string;
  readonly children: readonly ProductType[];
}

/** A level-1 department, with the brands used in its titles. */
export interface TypeDepartment {
  readonly name: string;
  readonly brands: readonly string[];
  readonly children: readonly TypeCategory[];
}

/** A version change that {@link generateCatalogueVersions} builds in. */
export interface VersionEvent {
  /** The version (index into {@link VERSIONS}) where it happens. */
  readonly version: number;
  readonly kind: 'split' | 'merge';
  /** Types before: one for a split, several for a merge. */
  readonly from: readonly string[];
  /** Types after: several for a split, one for a merge. */
  readonly into: readonly string[];
}

export const VERSIONS: readonly VersionSpec[] = [
  { id: 'V0', label: 'V0 · baseline', note: 'Knitwear is one catch-all class: most knit items get "Knit Tops".' },
  {
    id: 'V1',
    label: 'V1 · fine knitwear',
    note: 'Trained with finer fashion labels: "Knit Tops" splits into T-Shirts, Sweaters and Tank Tops.',
  },
  {
    id: 'V2',
    label: 'V2 · generic parts',
    note: 'Trained on a remapped label set: bike, car, appliance and computer parts merge into the generic "Parts & Accessories".',
  },
  {
    id: 'V3',
    label: 'V3 · retrained',
    note: 'A broad retrain: most classes improve, specific part types partly come back.',
  },
];

/** V1 splits the catch-all "Knit Tops" into three finer classes. */
export const KNIT_SPLIT: VersionEvent = {
  version: 1,
  kind: 'split',
  from: ['Knit Tops'],
  into: ['T-Shirts', 'Sweaters', 'Tank Tops'],
};

/** V2 merges four specific part types into the generic "Parts & Accessories". */
export const PARTS_MERGE: VersionEvent = {
  version: 2,
  kind: 'merge',
  from: ['Bike Parts', 'Car Parts', 'Appliance Parts', 'Computer Parts'],
  into: ['Parts & Accessories'],
};

type Acc = readonly [number, number, number, number];
const t = (name: string, weight: number, accuracy: Acc, nouns: readonly string[], near?: readonly string[]) =>
  near ? { name, weight, accuracy, nouns, near } : { name, weight, accuracy, nouns };

/**
 * Department → category → product type, 62 types. The accuracies are chosen so that the
 * four versions show every trend kind of `classifyTrend` several times (the comment at
 * the end of each line), and the knit and part types carry the split and the merge.
 */
// prettier-ignore
export const PRODUCT_TYPES: readonly TypeDepartment[] = [
  {
    name: 'Fashion',
    brands: ['Maren', 'Velour Lane', 'Kestrel', 'Ondine', 'Harlow & Finch', 'Tessuto'],
    children: [
      {
        name: 'Tops',
        children: [
          t('Knit Tops', 50, [0.94, 0.62, 0.58, 0.58], ['knit top', 'jersey top', 'knit polo']), // non-increasing
          t('T-Shirts', 90, [0.28, 0.82, 0.86, 0.9], ['crew-neck T-shirt', 'graphic T-shirt', 'V-neck T-shirt']), // increasing
          t('Sweaters', 60, [0.24, 0.79, 0.79, 0.85], ['merino sweater', 'cable-knit jumper', 'roll-neck sweater']), // non-decreasing
          t('Tank Tops', 40, [0.18, 0.71, 0.77, 0.82], ['ribbed tank top', 'racerback vest']), // increasing
          t('Shirts & Blouses', 70, [0.87, 0.83, 0.85, 0.88], ['oxford shirt', 'silk blouse', 'flannel shirt']), // mixed, net > 0
        ],
      },
      {
        name: 'Bottoms',
        children: [
          t('Jeans', 70, [0.9, 0.92, 0.93, 0.95], ['slim-fit jeans', 'high-rise jeans']), // increasing
          t('Trousers', 50, [0.84, 0.84, 0.84, 0.84], ['chinos', 'wide-leg trousers']), // stable
          t('Skirts', 30, [0.88, 0.86, 0.86, 0.83], ['pleated midi skirt', 'denim skirt']), // non-increasing
          t('Shorts', 30, [0.8, 0.85, 0.81, 0.86], ['cargo shorts', 'running shorts']), // mixed, net > 0
        ],
      },
      {
        name: 'Dresses & Suits',
        children: [
          t('Dresses', 60, [0.91, 0.93, 0.93, 0.94], ['wrap dress', 'linen midi dress']), // non-decreasing
          t('Suits', 20, [0.86, 0.86, 0.86, 0.86], ['two-piece suit', 'wool blazer']), // stable
        ],
      },
      {
        name: 'Shoes',
        children: [
          t('Sneakers', 60, [0.92, 0.94, 0.95, 0.96], ['running sneakers', 'canvas sneakers']), // increasing
          t('Boots', 35, [0.9, 0.9, 0.9, 0.9], ['chelsea boots', 'hiking boots']), // stable
          t('Sandals', 25, [0.89, 0.87, 0.85, 0.83], ['leather sandals', 'slides']), // decreasing
        ],
      },
      {
        name: 'Accessories',
        children: [
          t('Bags', 40, [0.82, 0.84, 0.84, 0.87], ['leather tote bag', 'backpack'], ['Phone Cases']), // non-decreasing
          t('Watches', 30, [0.78, 0.8, 0.77, 0.74], ['automatic watch', 'quartz watch'], ['Smartwatches']), // mixed, net < 0
          t('Jewellery', 30, [0.93, 0.93, 0.93, 0.93], ['silver necklace', 'gold hoop earrings']), // stable
        ],
      },
    ],
  },
  {
    name: 'Electronics',
    brands: ['Auralis', 'Voltmark', 'Nexora', 'Kinetiq', 'Lumio', 'Pixelon'],
    children: [
      {
        name: 'Audio',
        children: [
          t('Headphones', 80, [0.8, 0.84, 0.87, 0.9], ['over-ear headphones', 'studio headphones']), // increasing
          t('Earbuds', 70, [0.72, 0.76, 0.74, 0.7], ['true wireless earbuds', 'sport earbuds']), // mixed, net < 0
          t('Speakers', 50, [0.9, 0.91, 0.92, 0.93], ['bluetooth speaker', 'bookshelf speakers']), // increasing
        ],
      },
      {
        name: 'Computers',
        children: [
          t('Laptops', 60, [0.95, 0.95, 0.96, 0.96], ['ultrabook', '14-inch laptop']), // non-decreasing
          t('Monitors', 35, [0.92, 0.9, 0.88, 0.86], ['27-inch monitor', 'curved monitor']), // decreasing
          t('Keyboards', 30, [0.89, 0.89, 0.87, 0.87], ['mechanical keyboard', 'wireless keyboard']), // non-increasing
          t('Computer Parts', 40, [0.74, 0.8, 0.26, 0.58], ['replacement laptop battery', 'RAM module', 'laptop hinge kit']), // mixed, net < 0
        ],
      },
      {
        name: 'Phones',
        children: [
          t('Smartphones', 60, [0.94, 0.95, 0.95, 0.95], ['5G smartphone', 'rugged phone']), // non-decreasing
          t('Phone Cases', 90, [0.76, 0.8, 0.83, 0.86], ['silicone phone case', 'wallet phone case'], ['Bags']), // increasing
          t('Chargers', 60, [0.7, 0.68, 0.66, 0.63], ['fast charger', 'wireless charging pad'], ['Car Electronics']), // decreasing
          t('Smartwatches', 30, [0.75, 0.78, 0.81, 0.79], ['GPS smartwatch', 'smartwatch'], ['Fitness Trackers', 'Watches']), // mixed, net > 0
        ],
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    brands: ['Hearthly', 'Casalta', 'Nordvik', 'Bramble & Co', 'Oakhaven'],
    children: [
      {
        name: 'Kitchen',
        children: [
          t('Cookware', 60, [0.91, 0.91, 0.91, 0.91], ['non-stick frying pan', 'saucepan set']), // stable
          t('Small Appliances', 55, [0.78, 0.8, 0.8, 0.8], ['blender', 'air fryer', 'toaster'], ['Hair Dryers']), // non-decreasing
          t('Coffee Makers', 30, [0.84, 0.82, 0.82, 0.8], ['espresso machine', 'drip coffee maker']), // non-increasing
          t('Appliance Parts', 35, [0.7, 0.77, 0.2, 0.52], ['blender jug', 'fridge water filter', 'oven door seal']), // mixed, net < 0
        ],
      },
      {
        name: 'Furniture',
        children: [
          t('Sofas', 20, [0.95, 0.95, 0.95, 0.95], ['three-seater sofa', 'sofa bed']), // stable
          t('Desks', 20, [0.86, 0.88, 0.9, 0.92], ['standing desk', 'writing desk']), // increasing
          t('Chairs', 30, [0.84, 0.82, 0.8, 0.78], ['office chair', 'dining chair']), // decreasing
        ],
      },
      {
        name: 'Bedding',
        children: [
          t('Sheets', 35, [0.88, 0.85, 0.87, 0.85], ['cotton sheet set', 'fitted sheet']), // mixed, net < 0
          t('Pillows', 30, [0.9, 0.9, 0.88, 0.88], ['memory foam pillow', 'down pillow']), // non-increasing
        ],
      },
    ],
  },
  {
    name: 'Sports & Outdoors',
    brands: ['Summitra', 'Trailwise', 'Peakform', 'Ridgeline'],
    children: [
      {
        name: 'Fitness',
        children: [
          t('Yoga Mats', 20, [0.9, 0.92, 0.94, 0.96], ['non-slip yoga mat', 'travel yoga mat']), // increasing
          t('Dumbbells', 20, [0.94, 0.94, 0.94, 0.94], ['adjustable dumbbells', 'kettlebell']), // stable
          t('Fitness Trackers', 25, [0.62, 0.66, 0.7, 0.74], ['fitness tracker band', 'heart-rate monitor'], ['Smartwatches']), // increasing
        ],
      },
      {
        name: 'Camping',
        children: [
          t('Tents', 20, [0.94, 0.92, 0.92, 0.9], ['two-person tent', 'family tent']), // non-increasing
          t('Sleeping Bags', 20, [0.88, 0.9, 0.9, 0.92], ['down sleeping bag', 'three-season sleeping bag']), // non-decreasing
        ],
      },
      {
        name: 'Cycling',
        children: [
          t('Bikes', 20, [0.9, 0.88, 0.86, 0.84], ['gravel bike', 'city bike']), // decreasing
          t('Helmets', 20, [0.88, 0.91, 0.89, 0.92], ['road helmet', 'commuter helmet']), // mixed, net > 0
          t('Bike Parts', 25, [0.72, 0.79, 0.22, 0.55], ['brake pads', 'bike chain', 'derailleur hanger']), // mixed, net < 0
        ],
      },
    ],
  },
  {
    name: 'Automotive',
    brands: ['Roadwise', 'Torqline', 'Meridian Motor', 'Gearhaus'],
    children: [
      {
        name: 'Car Parts & Care',
        children: [
          t('Car Parts', 40, [0.76, 0.82, 0.24, 0.6], ['brake disc', 'oil filter', 'wiper blade set']), // mixed, net < 0
          t('Tyres', 20, [0.94, 0.96, 0.96, 0.98], ['all-season tyre', 'winter tyre']), // non-decreasing
          t('Car Care', 20, [0.88, 0.86, 0.84, 0.82], ['car wax', 'microfibre wash mitt']), // decreasing
          t('Car Electronics', 20, [0.74, 0.77, 0.8, 0.83], ['dash cam', 'car phone mount charger'], ['Chargers']), // increasing
        ],
      },
    ],
  },
  {
    name: 'General',
    brands: ['Generic', 'Unbranded', 'Basics Co'],
    children: [
      {
        name: 'General Merchandise',
        children: [
          t('Parts & Accessories', 40, [0.64, 0.66, 0.97, 0.9], ['replacement part', 'universal accessory kit', 'spare parts set']), // mixed, net > 0
        ],
      },
    ],
  },
  {
    name: 'Toys & Games',
    brands: ['Tumbleweed', 'Brightbox', 'Kitoko', 'Marbleworks'],
    children: [
      {
        name: 'Games',
        children: [
          t('Board Games', 25, [0.9, 0.91, 0.92, 0.93], ['strategy board game', 'family board game']), // increasing
          t('Puzzles', 20, [0.93, 0.93, 0.93, 0.93], ['1000-piece puzzle', '3D puzzle']), // stable
        ],
      },
      {
        name: 'Toys',
        children: [
          t('Building Sets', 30, [0.91, 0.89, 0.92, 0.93], ['brick building set', 'magnetic tiles']), // mixed, net > 0
          t('Dolls', 20, [0.9, 0.88, 0.88, 0.86], ['fashion doll', 'rag doll']), // non-increasing
        ],
      },
    ],
  },
  {
    name: 'Beauty & Health',
    brands: ['Solenne', 'Purevale', 'Aquamira', 'Botanika'],
    children: [
      {
        name: 'Skin & Hair',
        children: [
          t('Moisturisers', 30, [0.88, 0.89, 0.89, 0.9], ['day cream', 'hydrating gel']), // non-decreasing
          t('Shampoo', 25, [0.92, 0.9, 0.88, 0.86], ['volumising shampoo', 'anti-dandruff shampoo']), // decreasing
          t('Hair Dryers', 20, [0.78, 0.82, 0.78, 0.84], ['ionic hair dryer', 'travel hair dryer'], ['Small Appliances']), // mixed, net > 0
          t('Shavers', 20, [0.84, 0.86, 0.88, 0.9], ['foil shaver', 'beard trimmer']), // increasing
        ],
      },
    ],
  },
  {
    name: 'Books',
    brands: ['Larkspur Press', 'Northgate Books', 'Quillon', 'Red Kite Publishing'],
    children: [
      {
        name: 'Reading',
        children: [
          t('Novels', 40, [0.9, 0.9, 0.9, 0.9], ['detective novel', 'literary novel']), // stable
          t('Cookbooks', 20, [0.92, 0.94, 0.94, 0.96], ['vegetarian cookbook', 'baking book']), // non-decreasing
          t('Picture Books', 20, [0.9, 0.88, 0.86, 0.84], ['picture book', 'board book']), // decreasing
          t('Biographies', 20, [0.84, 0.86, 0.85, 0.82], ['biography', 'memoir']), // mixed, net < 0
        ],
      },
    ],
  },
];
