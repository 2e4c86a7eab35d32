// Completion words per language: keywords and the standard library's common names. The buffer's
// own identifiers come from @codemirror/autocomplete's completeAnyWord, next to these.
const w = (s) => s.split(/\s+/).filter(Boolean);

const C_KEYWORDS = w(`auto break case char const continue default do double else enum extern float for goto if
  inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void
  volatile while _Bool bool true false NULL`);
const C_LIBRARY = w(`printf scanf puts getchar putchar fgets fputs fprintf fscanf sprintf snprintf sscanf fflush
  fopen fclose fread fwrite malloc calloc realloc free memcpy memset memmove memcmp strlen strcmp strncmp strcpy
  strncpy strcat strncat strchr strrchr strstr strtok strtol strtoll strtoul strtoull strtod atoi atol atoll abs
  labs llabs qsort bsearch exit rand srand size_t ptrdiff_t int8_t uint8_t int16_t uint16_t int32_t uint32_t
  int64_t uint64_t intptr_t uintptr_t INT_MAX INT_MIN UINT_MAX LONG_MAX LONG_MIN LLONG_MAX LLONG_MIN SIZE_MAX
  INT64_MAX INT64_MIN stdin stdout stderr EOF isdigit isalpha isalnum isspace isupper islower toupper tolower
  sqrt pow fabs floor ceil round fmin fmax log log2 log10 exp sin cos tan atan2 hypot assert
  EXIT_SUCCESS EXIT_FAILURE`);
const CPP_EXTRA = w(`class namespace template typename using public private protected virtual override
  new delete nullptr this operator friend constexpr auto std cout cin cerr endl vector string map unordered_map
  set unordered_set multiset pair make_pair tuple queue priority_queue deque stack array bitset sort
  stable_sort reverse unique lower_bound upper_bound binary_search min max swap accumulate iota fill
  push_back emplace_back pop_back size empty begin end insert erase find count clear front back
  ios_base sync_with_stdio getline to_string stoi stoll long`);
const PYTHON = w(`False None True and as assert async await break class continue def del elif else except
  finally for from global if import in is lambda nonlocal not or pass raise return try while with yield print
  input len range enumerate zip map filter sorted reversed sum min max abs int float str list dict set tuple
  bool open isinstance any all divmod pow round ord chr sys stdin readline read split join strip append
  extend pop insert sort collections defaultdict Counter deque heapq heappush heappop bisect bisect_left
  bisect_right itertools functools lru_cache math gcd inf`);
const JAVA = w(`abstract boolean break byte case catch char class continue default do double else enum
  extends final finally float for if implements import instanceof int interface long new null package private
  protected public return short static super switch this throw throws try void while true false String
  System out println print printf Scanner nextInt nextLine nextLong hasNext BufferedReader InputStreamReader
  readLine StringTokenizer nextToken Integer parseInt Long parseLong Math max min abs ArrayList List
  HashMap Map HashSet Set ArrayDeque Deque PriorityQueue Arrays Collections sort StringBuilder append
  toString length size get put add remove contains containsKey`);
const GO = w(`break case chan const continue default defer else fallthrough for func go goto if import
  interface map package range return select struct switch type var bool byte int int64 uint64 float64 string
  rune error nil true false append cap len make new copy delete panic fmt Println Printf Sprintf Scan Fscan
  bufio NewReader NewWriter NewScanner os Stdin Stdout Flush strconv Atoi Itoa strings Split Fields sort Ints
  Slice`);
const RUST = w(`as break const continue crate else enum extern false fn for if impl in let loop match mod
  move mut pub ref return self Self static struct super trait true type unsafe use where while Vec String
  Option Some None Result Ok Err println print std io stdin read_line read_to_string trim split_whitespace
  parse unwrap collect iter map push len usize i32 i64 u32 u64 f64 HashMap HashSet BTreeMap VecDeque`);

export const WORDS = {
  c: [...C_KEYWORDS, ...C_LIBRARY],
  cpp: [...C_KEYWORDS, ...C_LIBRARY, ...CPP_EXTRA],
  python: PYTHON,
  java: JAVA,
  javascript: w(`const let var function return if else for while of in new class this null undefined true
    false require process stdin readFileSync split map filter reduce push pop length console log Math max min
    floor parseInt Number BigInt Array Map Set JSON`),
  go: GO,
  rust: RUST,
};

/* Which of a language's words are keywords (the rest are library names), where the lists mix them. */
export const KEYWORDS = {c: C_KEYWORDS, cpp: [...C_KEYWORDS, ...CPP_EXTRA.slice(0, CPP_EXTRA.indexOf('std'))]};
