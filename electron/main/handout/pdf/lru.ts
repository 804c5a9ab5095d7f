// A bounded cache (least recently used first out) for the pieces of a handout
// render that repeat from one render to the next: a word's hyphenation, a
// paragraph's shaped glyphs, a font subset. Never the whole PDF: every render
// lays out the document it is given. A Map keeps insertion order, so the
// oldest entry is its first key; a hit is moved to the end.
export class Lru<K, V> {
  readonly #map = new Map<K, V>()
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#map.size
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key)
    if (value !== undefined) {
      this.#map.delete(key)
      this.#map.set(key, value)
    }
    return value
  }

  set(key: K, value: V): V {
    this.#map.delete(key)
    this.#map.set(key, value)
    if (this.#map.size > this.capacity) this.#map.delete(this.#map.keys().next().value as K)
    return value
  }

  /** The cached value, or `make(key)` cached. */
  through(key: K, make: (key: K) => V): V {
    const hit = this.get(key)
    return hit !== undefined ? hit : this.set(key, make(key))
  }

  clear(): void {
    this.#map.clear()
  }
}
