package org.kairan.search.internal;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;

/** Keeps the tokens kuromoji tags as proper nouns (名詞-固有名詞: 人名, 地域, 組織): the ones read aloud by name. */
final class ProperNounFilter extends FilteringTokenFilter {

    private final PartOfSpeechAttribute partOfSpeech = addAttribute(PartOfSpeechAttribute.class);

    ProperNounFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        String pos = partOfSpeech.getPartOfSpeech();
        return pos != null && pos.startsWith("名詞-固有名詞");
    }
}
