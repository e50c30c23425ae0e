/**
 * The generated, error-free SecreC program the front-end and compiler benchmarks
 * share (bench/check.ts, bench/compile.ts): about 10,000 lines of units, each a
 * struct, a procedure with loops and public arithmetic, a type template with
 * slices, and a procedure of private shared3p operations, all called from `main`.
 * Not a benchmark itself (bench/run.ts runs only the files directly in bench/).
 */
function unit(i: number): string[] {
  return [
    `struct item_${i} {`,
    `    uint32 key;`,
    `    pd_shared3p uint32[[1]] values;`,
    `}`,
    ``,
    `uint32 mix_${i}(uint32 x, uint32 k) {`,
    `    uint32 acc = 0;`,
    `    for (uint32 j = 0; j < k; ++j) {`,
    `        acc += x * j + ${i};`,
    `        if (acc > 1000000 || j == 7) {`,
    `            acc = acc % 1000;`,
    `        }`,
    `    }`,
    `    return acc;`,
    `}`,
    ``,
    `template <type T>`,
    `T[[1]] shift_${i}(T[[1]] v, T d) {`,
    `    T[[1]] r = v + d;`,
    `    r[0 : size(r) / 2] = d;`,
    `    return r;`,
    `}`,
    ``,
    `pd_shared3p uint32 step_${i}(pd_shared3p uint32[[1]] xs, uint32[[1]] w) {`,
    `    item_${i} it;`,
    `    it.key = mix_${i}(w[0], 3 :: uint32);`,
    `    it.values = xs * w + it.key;`,
    `    uint32[[2]] m = reshape(w, 1, size(w));`,
    `    m[0, :] = shift_${i}(w, 2 :: uint32);`,
    `    uint32 w0 = w[0];`,
    `    print("unit ${i}: $w0 ", size(m), " ", it.key);`,
    `    return sum(it.values);`,
    `}`,
    ``,
  ];
}

/** The program and its line count; `main` calls every procedure, so all of it is checked and lowered. */
export function program(targetLines = 10_000): { text: string; lines: number } {
  const head = [`import stdlib;`, `import shared3p;`, ``, `domain pd_shared3p shared3p;`, ``];
  const body: string[] = [];
  const calls: string[] = [];
  let i = 0;
  while (head.length + body.length + calls.length + 8 < targetLines) {
    body.push(...unit(i));
    calls.push(`    total = total + step_${i}(xs, w);`);
    i++;
  }
  const main = [
    `void main() {`,
    `    pd_shared3p uint32[[1]] xs = {1, 2, 3, 4};`,
    `    uint32[[1]] w = {5, 6, 7, 8};`,
    `    pd_shared3p uint32 total = 0;`,
    ...calls,
    `    print(declassify(total));`,
    `}`,
  ];
  const all = [...head, ...body, ...main];
  return { text: all.join("\n") + "\n", lines: all.length };
}
