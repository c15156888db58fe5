package io.campuscrm.shared.jobs;

import java.util.Arrays;
import java.util.List;

/**
 * What a run did, as a message of the bundles and its arguments, so the Jobs screen shows it in the reader's
 * language: {@code job.result.mail-sent} with 3 is "Sent 3 messages" or "已发送 3 封邮件".
 */
public record JobResult(String messageKey, List<String> args) {

    public JobResult {
        args = List.copyOf(args);
    }

    public static JobResult of(String messageKey, Object... args) {
        return new JobResult(messageKey, Arrays.stream(args).map(String::valueOf).toList());
    }
}
