/*
 * stdlib: public utilities every SecreC program imports.
 *
 * Written for secc from the documented semantics of the SecreC 2 standard library
 * (integer limits, sizes, shapes, program arguments and results, reductions,
 * printing, simple math and strings). Procedures over `domain D` work for public
 * values and for any protection domain whose kind defines the operators they use.
 */
module stdlib;

// ---------------------------------------------------------------------------
// Integer limits

uint8 UINT8_MAX = 255;
uint8 UINT8_MIN = 0;
uint16 UINT16_MAX = 65535;
uint16 UINT16_MIN = 0;
uint32 UINT32_MAX = 4294967295;
uint32 UINT32_MIN = 0;
uint64 UINT64_MAX = 18446744073709551615;
uint64 UINT64_MIN = 0;
int8 INT8_MAX = 127;
int8 INT8_MIN = -128;
int16 INT16_MAX = 32767;
int16 INT16_MIN = -32768;
int32 INT32_MAX = 2147483647;
int32 INT32_MIN = -2147483648;
int64 INT64_MAX = 9223372036854775807;
int64 INT64_MIN = -9223372036854775807 - 1;

// ---------------------------------------------------------------------------
// Sizes of public scalar types in bytes

uint sizeof(bool x) { return 1; }
uint sizeof(uint8 x) { return 1; }
uint sizeof(uint16 x) { return 2; }
uint sizeof(uint32 x) { return 4; }
uint sizeof(uint64 x) { return 8; }
uint sizeof(int8 x) { return 1; }
uint sizeof(int16 x) { return 2; }
uint sizeof(int32 x) { return 4; }
uint sizeof(int64 x) { return 8; }
uint sizeof(float32 x) { return 4; }
uint sizeof(float64 x) { return 8; }

// ---------------------------------------------------------------------------
// Program arguments and results
//
// Process_argument(__cref name, [__ref buffer,] __return byteCount): without a
// buffer it only reports the argument's size in bytes; with one it fills it.

string argument(string name) {
    uint byteCount;
    __syscall("Process_argument", __cref name, __return byteCount);
    uint8[[1]] bytes(byteCount);
    __syscall("Process_argument", __cref name, __ref bytes, __return byteCount);
    return __string_from_bytes(bytes);
}

template <type T>
T argument(string name) {
    T result;
    uint byteCount;
    __syscall("Process_argument", __cref name, __return byteCount);
    assert(byteCount == sizeof(result));
    __syscall("Process_argument", __cref name, __ref result, __return byteCount);
    return result;
}

template <type T>
T[[1]] argument(string name) {
    T witness;
    uint byteCount;
    __syscall("Process_argument", __cref name, __return byteCount);
    uint elementSize = sizeof(witness);
    assert(byteCount % elementSize == 0);
    T[[1]] result(byteCount / elementSize);
    __syscall("Process_argument", __cref name, __ref result, __return byteCount);
    return result;
}

template <type T, dim N>
void publish(string name, T[[N]] value) {
    T witness;
    uint byteCount = size(value) * sizeof(witness);
    __syscall("Process_setResult", __cref name, __cref "", __cref "$T", __cref value, 0 :: uint, byteCount);
}

void publish(string name, string value) {
    uint8[[1]] bytes = __bytes_from_string(value);
    __syscall("Process_setResult", __cref name, __cref "", __cref "string", __cref bytes, 0 :: uint, size(bytes));
}

/** The authentication string of the client that started this run. */
string clientAuth() {
    uint byteCount;
    __syscall("Process_clientAuth", __return byteCount);
    uint8[[1]] bytes(byteCount);
    __syscall("Process_clientAuth", __ref bytes, __return byteCount);
    return __string_from_bytes(bytes);
}

// ---------------------------------------------------------------------------
// Shapes

/** The elements of an array of any dimension as a vector, in row-major order. */
template <domain D, type T, dim N>
D T[[1]] flatten(D T[[N]] array) {
    return reshape(array, size(array));
}

template <domain D1, domain D2, type T1, type T2, dim N>
bool shapesAreEqual(D1 T1[[N]] a, D2 T2[[N]] b) {
    uint[[1]] sa = shape(a);
    uint[[1]] sb = shape(b);
    for (uint i = 0; i < size(sa); ++i) {
        if (sa[i] != sb[i]) {
            return false;
        }
    }
    return true;
}

template <domain D1, domain D2, domain D3, type T1, type T2, type T3, dim N>
bool shapesAreEqual(D1 T1[[N]] a, D2 T2[[N]] b, D3 T3[[N]] c) {
    return shapesAreEqual(a, b) && shapesAreEqual(b, c);
}

/*
 * _reshapeLike(v, like): the elements of vector v in the shape of `like` (which
 * must have size(v) elements; its domain and type do not matter). SecreC's
 * reshape takes one argument per dimension, so procedures generic in the
 * dimension N call this overload set instead.
 */
template <domain D, domain D2, type T, type T2>
D T _reshapeLike(D T[[1]] v, D2 T2 like) {
    assert(size(v) == 1);
    return v[0];
}

template <domain D, domain D2, type T, type T2>
D T[[1]] _reshapeLike(D T[[1]] v, D2 T2[[1]] like) {
    assert(size(v) == size(like));
    return v;
}

template <domain D, domain D2, type T, type T2>
D T[[2]] _reshapeLike(D T[[1]] v, D2 T2[[2]] like) {
    uint[[1]] s = shape(like);
    return reshape(v, s[0], s[1]);
}

template <domain D, domain D2, type T, type T2>
D T[[3]] _reshapeLike(D T[[1]] v, D2 T2[[3]] like) {
    uint[[1]] s = shape(like);
    return reshape(v, s[0], s[1], s[2]);
}

template <domain D, domain D2, type T, type T2>
D T[[4]] _reshapeLike(D T[[1]] v, D2 T2[[4]] like) {
    uint[[1]] s = shape(like);
    return reshape(v, s[0], s[1], s[2], s[3]);
}

template <domain D, domain D2, type T, type T2>
D T[[5]] _reshapeLike(D T[[1]] v, D2 T2[[5]] like) {
    uint[[1]] s = shape(like);
    return reshape(v, s[0], s[1], s[2], s[3], s[4]);
}

template <domain D, domain D2, type T, type T2>
D T[[6]] _reshapeLike(D T[[1]] v, D2 T2[[6]] like) {
    uint[[1]] s = shape(like);
    return reshape(v, s[0], s[1], s[2], s[3], s[4], s[5]);
}

/** 0, 1, ..., n - 1 */
template <domain D>
D uint[[1]] iota(uint n) {
    uint[[1]] result(n);
    for (uint i = 0; i < n; ++i) {
        result[i] = i;
    }
    return result;
}

// ---------------------------------------------------------------------------
// Printing arrays

template <type T>
string arrayToString(T[[1]] vec) {
    string text = "{";
    for (uint i = 0; i < size(vec); ++i) {
        if (i > 0) {
            text = text + ", ";
        }
        text = text + tostring(vec[i]);
    }
    return text + "}";
}

template <type T>
string arrayToString(T scalar) {
    return tostring(scalar);
}

template <type T>
void printVector(T[[1]] vec) {
    print(arrayToString(vec));
}

template <type T>
void printMatrix(T[[2]] mat) {
    uint rows = shape(mat)[0];
    for (uint i = 0; i < rows; ++i) {
        printVector(mat[i, :]);
    }
}

template <type T>
void print3dArray(T[[3]] arr) {
    uint n = shape(arr)[0];
    for (uint i = 0; i < n; ++i) {
        printMatrix(arr[i, :, :]);
        print("");
    }
}

template <type T, dim N>
void printArray(T[[N]] arr) {
    print(arrayToString(flatten(arr)));
}

// ---------------------------------------------------------------------------
// Boolean reductions

bool any(bool b) { return b; }

bool any(bool[[1]] vec) {
    for (uint i = 0; i < size(vec); ++i) {
        if (vec[i]) {
            return true;
        }
    }
    return false;
}

/** Whether any element is true in each of k equal chunks of vec. */
bool[[1]] any(bool[[1]] vec, uint k) {
    uint n = size(vec);
    assert(k > 0 && n % k == 0);
    uint chunk = n / k;
    bool[[1]] result(k);
    for (uint i = 0; i < k; ++i) {
        result[i] = any(vec[i * chunk : (i + 1) * chunk]);
    }
    return result;
}

template <dim N>
bool any(bool[[N]] arr) {
    return any(flatten(arr));
}

bool all(bool b) { return b; }

bool all(bool[[1]] vec) {
    for (uint i = 0; i < size(vec); ++i) {
        if (!vec[i]) {
            return false;
        }
    }
    return true;
}

bool[[1]] all(bool[[1]] vec, uint k) {
    uint n = size(vec);
    assert(k > 0 && n % k == 0);
    uint chunk = n / k;
    bool[[1]] result(k);
    for (uint i = 0; i < k; ++i) {
        result[i] = all(vec[i * chunk : (i + 1) * chunk]);
    }
    return result;
}

template <dim N>
bool all(bool[[N]] arr) {
    return all(flatten(arr));
}

// ---------------------------------------------------------------------------
// Sums, products, minima and maxima of public values

template <type T>
T sum(T[[1]] vec) {
    T result = 0;
    for (uint i = 0; i < size(vec); ++i) {
        result += vec[i];
    }
    return result;
}

/** Sums of k equal chunks of vec. */
template <type T>
T[[1]] sum(T[[1]] vec, uint k) {
    uint n = size(vec);
    assert(k > 0 && n % k == 0);
    uint chunk = n / k;
    T[[1]] result(k);
    for (uint i = 0; i < k; ++i) {
        result[i] = sum(vec[i * chunk : (i + 1) * chunk]);
    }
    return result;
}

template <type T>
T product(T[[1]] vec) {
    T result = 1;
    for (uint i = 0; i < size(vec); ++i) {
        result *= vec[i];
    }
    return result;
}

template <type T>
T[[1]] product(T[[1]] vec, uint k) {
    uint n = size(vec);
    assert(k > 0 && n % k == 0);
    uint chunk = n / k;
    T[[1]] result(k);
    for (uint i = 0; i < k; ++i) {
        result[i] = product(vec[i * chunk : (i + 1) * chunk]);
    }
    return result;
}

template <type T>
T min(T a, T b) {
    return a < b ? a : b;
}

template <type T>
T max(T a, T b) {
    return a > b ? a : b;
}

template <type T>
T min(T[[1]] vec) {
    assert(size(vec) > 0);
    T result = vec[0];
    for (uint i = 1; i < size(vec); ++i) {
        if (vec[i] < result) {
            result = vec[i];
        }
    }
    return result;
}

template <type T>
T max(T[[1]] vec) {
    assert(size(vec) > 0);
    T result = vec[0];
    for (uint i = 1; i < size(vec); ++i) {
        if (vec[i] > result) {
            result = vec[i];
        }
    }
    return result;
}

/** The smallest element of an array of any dimension. */
template <type T, dim N>
T min(T[[N]] arr) {
    return min(flatten(arr));
}

template <type T, dim N>
T max(T[[N]] arr) {
    return max(flatten(arr));
}

/** The minimum of each of k equal chunks of vec. */
template <type T>
T[[1]] min(T[[1]] vec, uint k) {
    uint n = size(vec);
    assert(k > 0 && n % k == 0);
    uint chunk = n / k;
    T[[1]] result(k);
    for (uint i = 0; i < k; ++i) {
        result[i] = min(vec[i * chunk : (i + 1) * chunk]);
    }
    return result;
}

template <type T>
T[[1]] max(T[[1]] vec, uint k) {
    uint n = size(vec);
    assert(k > 0 && n % k == 0);
    uint chunk = n / k;
    T[[1]] result(k);
    for (uint i = 0; i < k; ++i) {
        result[i] = max(vec[i * chunk : (i + 1) * chunk]);
    }
    return result;
}

/** Element-wise minimum of two arrays of equal shape. */
template <type T, dim N>
T[[N]] min(T[[N]] a, T[[N]] b) {
    assert(shapesAreEqual(a, b));
    T[[1]] fa = flatten(a);
    T[[1]] fb = flatten(b);
    T[[N]] result = a;
    T[[1]] fr(size(fa));
    for (uint i = 0; i < size(fa); ++i) {
        fr[i] = fa[i] < fb[i] ? fa[i] : fb[i];
    }
    return _reshapeLike(fr, result);
}

template <type T, dim N>
T[[N]] max(T[[N]] a, T[[N]] b) {
    assert(shapesAreEqual(a, b));
    T[[1]] fa = flatten(a);
    T[[1]] fb = flatten(b);
    T[[N]] result = a;
    T[[1]] fr(size(fa));
    for (uint i = 0; i < size(fa); ++i) {
        fr[i] = fa[i] > fb[i] ? fa[i] : fb[i];
    }
    return _reshapeLike(fr, result);
}

// ---------------------------------------------------------------------------
// Public math

template <type T>
T abs(T x) {
    return x < 0 ? -x : x;
}

float32 sqrt(float32 x) {
    float32 result;
    __syscall("float32_sqrt", x, __return result);
    return result;
}

float64 sqrt(float64 x) {
    float64 result;
    __syscall("float64_sqrt", x, __return result);
    return result;
}

float32 sin(float32 x) {
    float32 result;
    __syscall("float32_sin", x, __return result);
    return result;
}

float64 sin(float64 x) {
    float64 result;
    __syscall("float64_sin", x, __return result);
    return result;
}

float32 erf(float32 x) {
    float32 result;
    __syscall("float32_erf", x, __return result);
    return result;
}

float64 erf(float64 x) {
    float64 result;
    __syscall("float64_erf", x, __return result);
    return result;
}

float32 exp(float32 x) {
    float32 result;
    __syscall("float32_exp", x, __return result);
    return result;
}

float64 exp(float64 x) {
    float64 result;
    __syscall("float64_exp", x, __return result);
    return result;
}

float32 ln(float32 x) {
    float32 result;
    __syscall("float32_log", x, __return result);
    return result;
}

float64 ln(float64 x) {
    float64 result;
    __syscall("float64_log", x, __return result);
    return result;
}

/** Rounds to the nearest integer, halves away from zero. */
int32 round(float32 x) {
    return x < 0.0 ? -((int32) (0.5 - x)) : (int32) (x + 0.5);
}

int64 round(float64 x) {
    return x < 0.0 ? -((int64) (0.5 - x)) : (int64) (x + 0.5);
}

bool isNegligible(float32 x) {
    return abs(x) < 1.0e-6;
}

bool isNegligible(float64 x) {
    return abs(x) < 1.0e-14;
}

/*
 * Element-wise public float math over arrays of any dimension: the VM's
 * `float{32,64}_F(__cref in, __ref out)` form applies F to every element.
 */
template <dim N>
float32[[N]] sqrt(float32[[N]] x) {
    float32[[N]] result = x;
    __syscall("float32_sqrt", __cref x, __ref result);
    return result;
}

template <dim N>
float64[[N]] sqrt(float64[[N]] x) {
    float64[[N]] result = x;
    __syscall("float64_sqrt", __cref x, __ref result);
    return result;
}

template <dim N>
float32[[N]] sin(float32[[N]] x) {
    float32[[N]] result = x;
    __syscall("float32_sin", __cref x, __ref result);
    return result;
}

template <dim N>
float64[[N]] sin(float64[[N]] x) {
    float64[[N]] result = x;
    __syscall("float64_sin", __cref x, __ref result);
    return result;
}

template <dim N>
float32[[N]] erf(float32[[N]] x) {
    float32[[N]] result = x;
    __syscall("float32_erf", __cref x, __ref result);
    return result;
}

template <dim N>
float64[[N]] erf(float64[[N]] x) {
    float64[[N]] result = x;
    __syscall("float64_erf", __cref x, __ref result);
    return result;
}

template <dim N>
float32[[N]] exp(float32[[N]] x) {
    float32[[N]] result = x;
    __syscall("float32_exp", __cref x, __ref result);
    return result;
}

template <dim N>
float64[[N]] exp(float64[[N]] x) {
    float64[[N]] result = x;
    __syscall("float64_exp", __cref x, __ref result);
    return result;
}

template <dim N>
float32[[N]] ln(float32[[N]] x) {
    float32[[N]] result = x;
    __syscall("float32_log", __cref x, __ref result);
    return result;
}

template <dim N>
float64[[N]] ln(float64[[N]] x) {
    float64[[N]] result = x;
    __syscall("float64_log", __cref x, __ref result);
    return result;
}

/** Element-wise absolute value of an array of any dimension. */
template <type T, dim N>
T[[N]] abs(T[[N]] arr) {
    T[[N]] result = arr;
    T[[1]] flat = flatten(arr);
    for (uint i = 0; i < size(flat); ++i) {
        flat[i] = abs(flat[i]);
    }
    return _reshapeLike(flat, result);
}

// ---------------------------------------------------------------------------
// Public sorting

/**
 * The elements of vec in ascending order (stable). The VM computes the sorting
 * permutation (`public_$T_sort_permutation`); this procedure applies it.
 */
template <type T>
T[[1]] sort(T[[1]] vec) {
    return sort(vec, true);
}

/** The elements of vec in ascending or descending order (stable). */
template <type T>
T[[1]] sort(T[[1]] vec, bool ascending) {
    uint n = size(vec);
    uint[[1]] perm(n);
    __syscall("public_$T\_sort_permutation", __cref vec, __ref perm, ascending);
    T[[1]] result(n);
    for (uint i = 0; i < n; ++i) {
        result[i] = vec[perm[i]];
    }
    return result;
}

// ---------------------------------------------------------------------------
// Strings

/** The bytes of s from start (inclusive) to end (exclusive). */
string substring(string s, uint start, uint end) {
    uint8[[1]] bytes = __bytes_from_string(s);
    assert(start <= end && end <= size(bytes));
    return __string_from_bytes(bytes[start : end]);
}

bool isPrefixOf(string prefix, string s) {
    uint n = strlen(prefix);
    if (n > strlen(s)) {
        return false;
    }
    return substring(s, 0 :: uint, n) == prefix;
}

bool isSuffixOf(string suffix, string s) {
    uint n = strlen(suffix);
    uint m = strlen(s);
    if (n > m) {
        return false;
    }
    return substring(s, m - n, m) == suffix;
}
