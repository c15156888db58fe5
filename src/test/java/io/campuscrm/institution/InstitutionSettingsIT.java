package io.campuscrm.institution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.JdbcStatementCounter;

/**
 * The institution's settings are read on nearly every call, so they are held in memory: a second read sends no
 * statement, and a change is read back as soon as it commits.
 */
@CampusIntegrationTest
class InstitutionSettingsIT {

    @Autowired
    InstitutionService institution;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_settings_are_read_from_memory_and_a_committed_change_is_read_back_at_once() throws Exception {
        var before = SystemAuthentication.call(institution::settings);
        var again = JdbcStatementCounter.count(() -> SystemAuthentication.call(institution::settings));
        assertThat(again.result()).isEqualTo(before);
        assertThat(again.count()).as("statements of a second read").isZero();

        try {
            SystemAuthentication.run(() -> institution.updateSettings(new InstitutionSettings(before.name(),
                    before.currency(), before.timeZone(), before.locale(), before.address(), "+65 6000 0009",
                    before.email(), before.version())));
            assertThat(SystemAuthentication.call(institution::settings).phone()).isEqualTo("+65 6000 0009");
        } finally {
            SystemAuthentication.run(() -> {
                var now = institution.settings();
                institution.updateSettings(new InstitutionSettings(before.name(), before.currency(),
                        before.timeZone(), before.locale(), before.address(), before.phone(), before.email(),
                        now.version()));
            });
        }
        assertThat(SystemAuthentication.call(institution::settings).phone()).isEqualTo(before.phone());
    }

    @Test
    void a_change_is_read_back_inside_its_own_transaction_and_one_rolled_back_is_never_held() {
        var before = SystemAuthentication.call(institution::settings);
        SystemAuthentication.run(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            institution.updateSettings(new InstitutionSettings(before.name(), before.currency(), before.timeZone(),
                    before.locale(), before.address(), "+65 6000 0008", before.email(), before.version()));
            assertThat(institution.settings().phone()).as("inside the changing transaction").isEqualTo(
                    "+65 6000 0008");
            tx.setRollbackOnly();
        }));

        assertThat(SystemAuthentication.call(institution::settings)).isEqualTo(before);
    }
}
