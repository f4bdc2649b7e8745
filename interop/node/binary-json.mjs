// Binary values in the JSON lines the Java interop tests read and write: a Buffer, ArrayBuffer or
// typed array travels as {"$bin":"<base64>"}, inside arrays and objects too; fromJson turns such
// objects back into Buffers. Used by node-server.mjs and cluster-node.mjs.
export const toJson = (v) => {
  if (Buffer.isBuffer(v) || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
    return { $bin: Buffer.from(v.buffer ? v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) : v).toString("base64") };
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
};

export const fromJson = (v) => {
  if (v && typeof v === "object" && !Array.isArray(v) && typeof v.$bin === "string") return Buffer.from(v.$bin, "base64");
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v;
};
