package io.campuscrm.institution.internal;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An override of one setting, for the institution or for one campus; a null value is back on the default. */
@Entity
@Table(name = "setting_value")
public class SettingValueEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "setting_key", nullable = false, updatable = false)
    private String settingKey;
    @Column(name = "campus_id", updatable = false)
    private @Nullable Long campusId;
    private @Nullable String value;

    protected SettingValueEntity() {
    }

    public SettingValueEntity(String settingKey, @Nullable Long campusId) {
        this.settingKey = settingKey;
        this.campusId = campusId;
    }

    public String getSettingKey() {
        return settingKey;
    }

    public @Nullable Long getCampusId() {
        return campusId;
    }

    public @Nullable String getValue() {
        return value;
    }

    public void setValue(@Nullable String value) {
        this.value = value;
    }
}
