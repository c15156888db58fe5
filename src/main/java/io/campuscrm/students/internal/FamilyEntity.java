package io.campuscrm.students.internal;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.domain.AbstractEntity;
import io.campuscrm.shared.i18n.Language;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "family")
public class FamilyEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "family_number", nullable = false, updatable = false)
    private String familyNumber;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(nullable = false)
    private String address = "";
    @Column(name = "preferred_language")
    private @Nullable String preferredLanguage;

    protected FamilyEntity() {
    }

    public FamilyEntity(String familyNumber, String displayName, String address) {
        this.familyNumber = familyNumber;
        apply(displayName, address);
    }

    public void apply(String newDisplayName, String newAddress) {
        displayName = newDisplayName.strip();
        address = newAddress.strip();
    }

    public Long getId() {
        return id;
    }

    public String getFamilyNumber() {
        return familyNumber;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getAddress() {
        return address;
    }

    public @Nullable Language getPreferredLanguage() {
        return Language.ofTag(preferredLanguage).orElse(null);
    }

    public void setPreferredLanguage(@Nullable Language language) {
        preferredLanguage = language == null ? null : language.tag();
    }
}
