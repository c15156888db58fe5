package io.campuscrm.institution.internal;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single institution row. */
@Entity
@Table(name = "institution")
public class InstitutionEntity extends AbstractEntity {

    public static final long ID = 1L;

    @Id
    private Long id = ID;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(nullable = false)
    private String locale;
    @Column(nullable = false)
    private String address = "";
    @Column(nullable = false)
    private String phone = "";
    @Column(nullable = false)
    private String email = "";

    protected InstitutionEntity() {
    }

    public InstitutionSettings toSettings() {
        return new InstitutionSettings(name, Currency.getInstance(currency), ZoneId.of(timeZone),
                Locale.forLanguageTag(locale), address, phone, email, getVersion());
    }

    public void apply(InstitutionSettings s) {
        name = s.name().strip();
        currency = s.currency().getCurrencyCode();
        timeZone = s.timeZone().getId();
        locale = s.locale().toLanguageTag();
        address = s.address() == null ? "" : s.address().strip();
        phone = s.phone() == null ? "" : s.phone().strip();
        email = s.email() == null ? "" : s.email().strip().toLowerCase(Locale.ROOT);
    }
}
