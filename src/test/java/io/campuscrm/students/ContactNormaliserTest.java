package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.domain.DomainException;

class ContactNormaliserTest {

    @Test
    void a_local_number_is_read_in_the_institutions_country_and_stored_as_e164() {
        assertThat(ContactNormaliser.phone("9123 4567", "phone", "SG")).isEqualTo("+6591234567");
        assertThat(ContactNormaliser.phone("(+65) 9123-4567", "phone", "SG")).isEqualTo("+6591234567");
        assertThat(ContactNormaliser.phone("6123 4567", "phone", "SG")).isEqualTo("+6561234567");
    }

    @Test
    void a_number_with_a_plus_keeps_its_own_country() {
        assertThat(ContactNormaliser.phone("+86 139 1234 5678", "phone", "SG")).isEqualTo("+8613912345678");
        assertThat(ContactNormaliser.phone("+44 20 7946 0958", "phone", "SG")).isEqualTo("+442079460958");
    }

    @Test
    void an_invalid_number_is_refused_on_its_field() {
        assertThatThrownBy(() -> ContactNormaliser.phone("1234", "guardians[0].phone", "SG"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("guardians[0].phone");
                    assertThat(e.messageKey()).isEqualTo("contact.error.phone-invalid");
                });
        assertThatThrownBy(() -> ContactNormaliser.phone("call me", "phone", "SG"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ContactNormaliser.phone("9123 4567", "phone", "ZZ"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void blank_is_no_number_and_e164_is_shown_internationally() {
        assertThat(ContactNormaliser.phone("  ", "phone", "SG")).isNull();
        assertThat(ContactNormaliser.display("+6591234567")).isEqualTo("+65 9123 4567");
        assertThat(ContactNormaliser.reversedDigits("+6591234567")).isEqualTo("7654321956");
    }
}
