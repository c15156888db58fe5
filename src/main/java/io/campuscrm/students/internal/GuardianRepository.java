package io.campuscrm.students.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GuardianRepository extends JpaRepository<GuardianEntity, Long> {

    /** Primary contact first, then in the order they were added. */
    @Query("select g from GuardianEntity g where g.familyId = :familyId order by g.primaryContact desc, g.id")
    List<GuardianEntity> findByFamily(long familyId);

    @Query("select g from GuardianEntity g where g.familyId in :familyIds order by g.primaryContact desc, g.id")
    List<GuardianEntity> findByFamilies(Collection<Long> familyIds);

    @Query("select g from GuardianEntity g where g.phoneRev = :phoneRev")
    List<GuardianEntity> findByPhoneRev(String phoneRev);

    List<GuardianEntity> findByEmail(String email);

    /** The import's look-ups, a batch of values at a time: ix_guardian_phone_rev and ix_guardian_email. */
    @Query("select g from GuardianEntity g where g.phoneRev in :phoneRevs")
    List<GuardianEntity> findByPhoneRevIn(Collection<String> phoneRevs);

    @Query("select g from GuardianEntity g where g.email in :emails")
    List<GuardianEntity> findByEmailIn(Collection<String> emails);
}
