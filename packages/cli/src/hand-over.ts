/**
 * The items of `list` in order, each taken out of the list as it is read (the list is empty once they are all
 * read): handed to an exporter's `exportOnce`, it leaves the exporter the only holder of a model.
 */
export function* handOver<T>(list: (T | undefined)[]): Generator<T> {
  try {
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as T;
      list[i] = undefined;
      yield item;
    }
  } finally {
    list.length = 0;
  }
}
