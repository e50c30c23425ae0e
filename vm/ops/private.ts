/**
 * Linkers for the built-in private operations: pnew, classify, declassify, pindex
 * (gather), pstore (scatter), preshape, pcat, pfree, domainid. Each calls the
 * backend of the value's kind; results that come back as Promises are awaited by
 * the interpreter (Machine.settle). The VM keeps private shapes: reshape is a copy
 * with new metadata, replicating a private scalar is a gather of index 0.
 */
import type { SecretBackend } from "../backend.js";
import type { Instruction, SliceItem } from "../bytecode.js";
import { BytecodeError, VmError } from "../errors.js";
import { concatOrder, select } from "../indexing.js";
import type { Machine } from "../interpreter.js";
import type { LinkContext, Op } from "../link.js";
import {
  PrivValue,
  PubArray,
  fillVector,
  newVector,
  readElement,
  sameShape,
  shapeSize,
  type PrivateType,
  type PublicScalar,
  type TypedVector,
  type Value,
} from "../values.js";
import { readShape } from "./arrays.js";

export function linkPrivateOp(ins: Instruction, pc: number, ctx: LinkContext): Op | null {
  const a = ins.args as readonly number[];
  const next = pc + 1;
  switch (ins.op) {
    case "pnew": {
      const type = ctx.privateType(a[0]!, a[1]!);
      const backend = ctx.backendOfDomain(a[0]!);
      const d = a[2]!;
      const fill = a[3]!;
      const shapeRegs = ins.args[4] as readonly number[];
      return (m, r) => {
        const shape = readShape(r, shapeRegs);
        const f = fill >= 0 ? (r[fill] as PublicScalar) : null;
        m.settle(backend.alloc(type, shapeSize(shape), f), (h) => (r[d] = new PrivValue(type, shape, h)));
        return next;
      };
    }
    case "classify": {
      const type = ctx.privateType(a[0]!, a[1]!);
      if (type.publicType === null) throw new BytecodeError(`classify: type ${type.name} has no public counterpart`);
      const backend = ctx.backendOfDomain(a[0]!);
      const [, , d, s] = a as [number, number, number, number];
      return (m, r) => {
        classifyInto(m, backend, type, r[s], (v) => (r[d] = v));
        return next;
      };
    }
    case "declassify": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        const v = r[s] as PrivValue;
        const pub = v.type.publicType;
        if (pub === null) throw new VmError(`cannot declassify ${v.type.name}: it has no public type`);
        m.settle(m.backendFor(v.type.kind).declassify(v.type, v.handle, v.length), (data) => {
          r[d] = v.shape.length === 0 ? readElement(pub, data, 0) : new PubArray(pub, v.shape, data);
        });
        return next;
      };
    }
    case "pindex": {
      const [d, s] = a as [number, number];
      const items = ins.args[2] as readonly SliceItem[];
      return (m, r) => {
        const v = r[s] as PrivValue;
        const sel = select(v.shape, items, r);
        m.settle(m.backendFor(v.type.kind).gather(v.type, v.handle, sel.indices), (h) => {
          r[d] = new PrivValue(v.type, sel.shape, h);
        });
        return next;
      };
    }
    case "pstore": {
      const d = a[0]!;
      const items = ins.args[1] as readonly SliceItem[];
      const s = a[2]!;
      return (m, r) => {
        const dst = r[d] as PrivValue;
        const sel = select(dst.shape, items, r);
        const backend = m.backendFor(dst.type.kind);
        const src = r[s];
        if (src instanceof PrivValue) scatterInto(m, backend, dst, sel.indices, sel.shape, src);
        else classifyInto(m, backend, dst.type, src, (p) => scatterInto(m, backend, dst, sel.indices, sel.shape, p));
        return next;
      };
    }
    case "preshape": {
      const [d, s] = a as [number, number];
      const shapeRegs = ins.args[2] as readonly number[];
      return (m, r) => {
        const v = r[s] as PrivValue;
        const shape = readShape(r, shapeRegs);
        const n = shapeSize(shape);
        const backend = m.backendFor(v.type.kind);
        if (v.shape.length === 0) {
          m.settle(backend.gather(v.type, v.handle, new Uint32Array(n)), (h) => (r[d] = new PrivValue(v.type, shape, h)));
        } else {
          if (v.length !== n) throw new VmError("ERROR: Mismatching sizes in reshape");
          m.settle(backend.copy(v.type, v.handle, n), (h) => (r[d] = new PrivValue(v.type, shape, h)));
        }
        return next;
      };
    }
    case "pcat": {
      const [d, x, y, dim] = a as [number, number, number, number];
      return (m, r) => {
        const p = r[x] as PrivValue;
        const q = r[y] as PrivValue;
        const { shape, order } = concatOrder(p.shape, q.shape, dim);
        const backend = m.backendFor(p.type.kind);
        m.settle(backend.concat(p.type, p.handle, p.length, q.handle, q.length), (h) => {
          if (order === null) r[d] = new PrivValue(p.type, shape, h);
          else
            m.settle(backend.gather(p.type, h, order), (g) => {
              r[d] = new PrivValue(p.type, shape, g);
              m.settle(backend.free(p.type, h), () => undefined);
            });
        });
        return next;
      };
    }
    case "pfree": {
      const s = a[0]!;
      return (m, r) => {
        const v = r[s];
        if (v instanceof PrivValue) m.settle(m.backendFor(v.type.kind).free(v.type, v.handle), () => undefined);
        r[s] = undefined;
        return next;
      };
    }
    case "domainid": {
      const [d, dom] = a as [number, number];
      const id = BigInt(dom);
      return (m, r) => {
        r[d] = id;
        return next;
      };
    }
    default:
      return null;
  }
}

/** Classifies a public scalar or array into a private value of `type`. */
function classifyInto(m: Machine, backend: SecretBackend, type: PrivateType, v: Value, then: (p: PrivValue) => void): void {
  let data: TypedVector;
  let shape: readonly number[];
  if (v instanceof PubArray) {
    data = v.data;
    shape = v.shape;
  } else {
    data = newVector(type.publicType!, 1);
    fillVector(data, v as PublicScalar);
    shape = [];
  }
  m.settle(backend.classify(type, data), (h) => then(new PrivValue(type, shape, h)));
}

function scatterInto(
  m: Machine,
  backend: SecretBackend,
  dst: PrivValue,
  indices: Uint32Array,
  shape: readonly number[],
  src: PrivValue,
): void {
  if (sameShape(src.shape, shape) || (src.length === 1 && indices.length === 1)) {
    m.settle(backend.scatter(dst.type, dst.handle, indices, src.handle), () => undefined);
    return;
  }
  if (src.shape.length !== 0) throw new VmError("Mismatching shapes in assignment");
  m.settle(backend.gather(src.type, src.handle, new Uint32Array(indices.length)), (h) =>
    m.settle(backend.scatter(dst.type, dst.handle, indices, h), () => undefined),
  );
}
