/**
 * The CoreNLP pipeline labour-graph annotates with: the managed server preloads exactly these properties (so the
 * first request finds its models loaded), the Docker service starts with the same ones, and the annotation client
 * sends them with every request (so a server the user runs behind NLP_URL gives the same annotations).
 */

/** CoreNLP properties of the one pipeline: the coarse NER (fine-grained classes and SUTime cost speed, bought nothing). */
export const CORENLP_PIPELINE = {
  annotators: "tokenize,ssplit,pos,lemma,ner,depparse",
  "ner.applyFineGrained": "false",
  "ner.useSUTime": "false",
  "ner.buildEntityMentions": "true",
} as const;
