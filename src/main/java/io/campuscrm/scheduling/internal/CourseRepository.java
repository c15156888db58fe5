package io.campuscrm.scheduling.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CourseRepository extends JpaRepository<CourseEntity, Long> {

    Optional<CourseEntity> findByCodeIgnoreCase(String code);

    /** {@code text} is a lower-case {@code LIKE} pattern over code, name and subject. */
    @Query("""
            select c from CourseEntity c
            where (:text is null or lower(c.code) like :text or lower(c.name) like :text
                   or lower(c.subject) like :text)
              and (:active is null or c.active = :active)
            """)
    Slice<CourseEntity> search(@Nullable String text, @Nullable Boolean active, Pageable page);

    /** The courses whose code or name is one of these lower-case texts. */
    @Query("select c from CourseEntity c where lower(c.code) in :texts or lower(c.name) in :texts")
    List<CourseEntity> findByCodeOrName(Collection<String> texts);
}
