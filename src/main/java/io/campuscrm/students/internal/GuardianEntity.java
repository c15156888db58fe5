package io.campuscrm.students.internal;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.domain.AbstractEntity;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.GuardianView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A guardian; phone and e-mail arrive normalised (E.164, lower-case). */
@Entity
@Table(name = "guardian")
public class GuardianEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "family_id", nullable = false)
    private long familyId;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GuardianRelationship relationship;
    private @Nullable String phone;
    @Column(name = "phone_rev")
    private @Nullable String phoneRev;
    private @Nullable String email;
    @Column(name = "preferred_language")
    private @Nullable String preferredLanguage;
    @Column(name = "primary_contact", nullable = false)
    private boolean primaryContact;

    protected GuardianEntity() {
    }

    public GuardianEntity(long familyId) {
        this.familyId = familyId;
    }

    public void apply(String newFullName, GuardianRelationship newRelationship, @Nullable String e164,
            @Nullable String normalisedEmail, @Nullable Language language, boolean primary) {
        fullName = newFullName.strip();
        relationship = newRelationship;
        phone = e164;
        phoneRev = ContactNormaliser.reversedDigits(e164);
        email = normalisedEmail;
        preferredLanguage = language == null ? null : language.tag();
        primaryContact = primary;
    }

    public GuardianView toView() {
        return new GuardianView(id, familyId, fullName, relationship, phone, email,
                Language.ofTag(preferredLanguage).orElse(null), primaryContact, getVersion());
    }

    public Long getId() {
        return id;
    }

    public long getFamilyId() {
        return familyId;
    }

    public void moveTo(long newFamilyId) {
        familyId = newFamilyId;
    }

    public @Nullable String getPhoneRev() {
        return phoneRev;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public boolean isPrimaryContact() {
        return primaryContact;
    }

    public void setPrimaryContact(boolean primary) {
        primaryContact = primary;
    }
}
