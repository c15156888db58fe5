package io.campuscrm.security.internal;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The arguments of an audit summary as the {@code summary_args} column keeps them: a JSON array of strings. */
final class SummaryArgs {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private SummaryArgs() {
    }

    static String encode(List<String> args) {
        return JsonMapper.shared().writeValueAsString(args);
    }

    static List<String> decode(String json) {
        return JsonMapper.shared().readValue(json, STRINGS);
    }
}
