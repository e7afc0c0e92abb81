// One folding for resolution, stored search text and lookups (issue 14, src/text/fold.ts): the accent-free variant
// of each search term now also writes ə, ð, ħ, þ and ẞ in ASCII ("Məmmədov" → "Memmedov"), and the lookup keys
// fold ə to e, as resolution always did. Nodes written before gain what a re-import would add: each stored term
// with no accent and none of the letters the old folding already wrote in ASCII (so: the old accent-free variant)
// gains its spelling with those letters folded; each lookup key with ə gains it with e. The writer only ever adds
// terms and keys, so nothing is removed. Only what is missing is added: running it again changes nothing.
MATCH (n)
WHERE n.searchText IS NOT NULL AND n.searchText =~ '(?s).*[əƏðÐħĦþÞẞ].*'
WITH n, split(n.searchText, ' | ') AS terms
WITH n, terms,
     [t IN terms WHERE NOT normalize(t, NFKD) =~ '(?s).*(\\p{M}|[ıİøØłŁđĐßæÆœŒ]).*' |
       replace(replace(replace(replace(replace(replace(replace(replace(replace(t,
         'ə', 'e'), 'Ə', 'E'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'þ', 'th'), 'Þ', 'Th'), 'ẞ', 'SS')] AS folded
WITH n, terms, reduce(added = [], t IN folded | CASE WHEN t IN terms OR t IN added THEN added ELSE added + t END) AS added
WHERE size(added) > 0
SET n.searchText = reduce(s = '', t IN terms + added | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + t);
MATCH (n)
WHERE n.lookupKeys IS NOT NULL AND n.lookupKeys CONTAINS 'ə'
WITH n, [k IN split(n.lookupKeys, '|') WHERE k <> ''] AS keys
WITH n, keys, reduce(added = [], k IN keys |
       CASE WHEN replace(k, 'ə', 'e') IN keys OR replace(k, 'ə', 'e') IN added THEN added
            ELSE added + replace(k, 'ə', 'e') END) AS added
WHERE size(added) > 0
SET n.lookupKeys = reduce(s = '|', k IN keys + added | s + k + '|');
