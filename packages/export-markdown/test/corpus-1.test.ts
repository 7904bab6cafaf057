import { corpusShard } from './corpus.js';

corpusShard(1, 2);
